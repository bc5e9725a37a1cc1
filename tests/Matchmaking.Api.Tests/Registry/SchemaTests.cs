using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Api.Tests.Registry;

/// <summary>The migrations describe the model the code maps: a change to an entity without its migration fails here, not in production.</summary>
public sealed class SchemaTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.HasPendingModelChanges());
    }
}
