using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchmaking.Infrastructure.Persistence;

/// <summary>
/// Records every insert, update and delete of an aggregate (anything with a Guid Id that is not owned)
/// as an <see cref="AuditEntry"/> in the same SaveChanges, so the change and its record commit together.
/// New matches are left out (a run writes up to a thousand and is itself recorded); their transitions
/// are recorded as changes of the match, and in full in the match's own history.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            AddEntries(context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void AddEntries(DbContext context)
    {
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !(e.Entity is Domain.Matching.Match && e.State == EntityState.Added))
            .Where(e => !e.Metadata.IsOwned() && e.Entity is not AuditEntry and not Domain.Matching.MatchTransition and not Domain.Matching.NearMissRecord
                and not Domain.Events.IntegrationEvent and not Domain.Webhooks.WebhookDelivery and not Domain.Webhooks.WebhookAttempt
                and not Domain.Financing.FinancingStep and not Domain.Financing.FinancingOffer
                and not Domain.Programs.Enrolment && e.Metadata.FindProperty("Id")?.ClrType == typeof(Guid))
            .Select(e => new AuditEntry(
                Guid.CreateVersion7(),
                user.KeyId,
                user.Role?.ToString().ToLowerInvariant(),
                char.ToLowerInvariant(e.Metadata.ClrType.Name[0]) + e.Metadata.ClrType.Name[1..],
                (Guid)e.Property("Id").CurrentValue!,
                e.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
                now))
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }
}
