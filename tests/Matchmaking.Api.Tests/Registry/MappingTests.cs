using AutoMapper;
using Matchmaking.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Api.Tests.Registry;

/// <summary>Every AutoMapper map the API uses names a source for each member of its read model (none silently left at its default).</summary>
public sealed class MappingTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public void The_mapping_configuration_is_valid() =>
        Fixture.Factory.Services.GetRequiredService<IMapper>().ConfigurationProvider.AssertConfigurationIsValid();
}
