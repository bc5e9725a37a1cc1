using Matchmaking.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchmaking.Infrastructure.Persistence;

/// <summary>
/// The one place that maintains <see cref="IVersioned.Version"/> and <c>UpdatedAt</c>: every aggregate
/// changed in a save, directly or through a dependent it owns (capabilities, certificates, members, offers,
/// enrolments), gets its version raised by one and, when it has one, its <c>UpdatedAt</c> set. Because the
/// version is a concurrency token, a change to a dependent alone also checks the aggregate's version.
/// New aggregates' timestamps are cut to the microseconds PostgreSQL stores, so a 201's body equals a later GET.
/// </summary>
public sealed class VersionInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Stamp(context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Stamp(context);
        }

        return base.SavingChanges(eventData, result);
    }

    private void Stamp(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries().ToList();
        var aggregates = entries.Where(e => e.Entity is IVersioned)
            .ToDictionary(e => (e.Metadata.ClrType, Key: e.Property("Id").CurrentValue!), e => e);
        foreach (var added in aggregates.Values.Where(e => e.State == EntityState.Added))
        {
            foreach (var stamp in added.Properties.Where(p => p.Metadata.ClrType == typeof(DateTimeOffset)))
            {
                stamp.CurrentValue = ToStoredPrecision((DateTimeOffset)stamp.CurrentValue!);
            }
        }

        var changed = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries.Where(e => e.State is EntityState.Modified or EntityState.Added or EntityState.Deleted))
        {
            if (AggregateOf(entry, aggregates) is { State: EntityState.Modified or EntityState.Unchanged } aggregate)
            {
                changed.Add(aggregate);
            }
        }

        var now = ToStoredPrecision(clock.GetUtcNow());
        foreach (var aggregate in changed)
        {
            var version = aggregate.Property(nameof(IVersioned.Version));
            version.CurrentValue = (int)version.OriginalValue! + 1;
            if (aggregate.Metadata.FindProperty("UpdatedAt") is not null)
            {
                aggregate.Property("UpdatedAt").CurrentValue = now;
            }
        }
    }

    /// <summary>PostgreSQL keeps microseconds; a timestamp answered from memory must equal the one read back later.</summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));

    /// <summary>The tracked aggregate an entry belongs to: itself, or the principal that holds it (followed through owned types).</summary>
    private static EntityEntry? AggregateOf(EntityEntry entry, Dictionary<(Type, object), EntityEntry> aggregates)
    {
        if (entry.Entity is IVersioned)
        {
            return entry;
        }

        // Only dependents the aggregate reaches by navigation belong to it (a match names its need, but is not part of it).
        foreach (var foreignKey in entry.Metadata.GetForeignKeys().Where(k => k.Properties.Count == 1 && k.PrincipalToDependent is not null))
        {
            var property = entry.Property(foreignKey.Properties[0].Name);
            var key = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
            if (key is null)
            {
                continue;
            }

            if (aggregates.TryGetValue((foreignKey.PrincipalEntityType.ClrType, key), out var aggregate))
            {
                return aggregate;
            }

            if (foreignKey.IsOwnership && entry.References.FirstOrDefault(r => r.Metadata.TargetEntityType == foreignKey.PrincipalEntityType)?.TargetEntry is { } owner)
            {
                return AggregateOf(owner, aggregates);
            }
        }

        return null;
    }
}
