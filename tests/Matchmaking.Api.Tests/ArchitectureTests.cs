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

    /// <summary>Aggregates guard their collections: what they expose can be read, never added to from outside.</summary>
    [Fact]
    public void Domain_ExposesNoMutableCollections()
    {
        var mutable = Domain.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(x => (x.Property.PropertyType.IsArray && x.Property.PropertyType != typeof(byte[])) || (x.Property.PropertyType.IsGenericType && x.Property.PropertyType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(List<>) || definition == typeof(ICollection<>) || definition == typeof(IList<>) || definition == typeof(HashSet<>) || definition == typeof(Dictionary<,>))))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.True(mutable.Count == 0, string.Join(", ", mutable));
    }
}
