using System.Reflection;

namespace Matchmaking.Api.Tests;

/// <summary>Dependencies point inward: Api → Application → Domain; Infrastructure → Application.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Matchmaking.Domain.Suppliers.Supplier).Assembly;
    private static readonly Assembly Application = typeof(Matchmaking.Application.ApplicationAssembly).Assembly;
    private static readonly Assembly Infrastructure = typeof(Matchmaking.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_ReferencesNoOtherLayerAndNoFramework()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Matchmaking.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_DoesNotReferenceInfrastructureOrApi()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Matchmaking.Domain", references);
        Assert.DoesNotContain("Matchmaking.Infrastructure", references);
        Assert.DoesNotContain("Matchmaking.Api", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Application_TypesExposeNoDatabaseFacade() =>
        Assert.Null(typeof(Matchmaking.Application.Common.IApplicationDbContext).GetProperty("Database"));

    [Fact]
    public void Infrastructure_DoesNotReferenceApi() =>
        Assert.DoesNotContain("Matchmaking.Api", Infrastructure.GetReferencedAssemblies().Select(a => a.Name!));
}
