using Matchmaking.Application.Events;
using Matchmaking.Domain.Events;
using Matchmaking.Domain.Financing;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Partnerships;
using Matchmaking.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchmaking.Infrastructure.Events;

/// <summary>
/// The transactional outbox: every change a SaveChanges writes that integrators are told of becomes an
/// event row in the same SaveChanges, so both commit or neither does, whichever handler made the change.
/// </summary>
public sealed class OutboxInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var events = await EventsOfAsync(context, cancellationToken);
            IntegrationEvent.NumberInOrder(events);
            context.Set<IntegrationEvent>().AddRange(events);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Save asynchronously: the outbox reads the needs its events concern.");

    private async Task<List<IntegrationEvent>> EventsOfAsync(DbContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var events = new List<IntegrationEvent>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case Need need when entry.State == EntityState.Added:
                    events.Add(EventFactory.NeedCreated(need, now));
                    break;
                case Need need when entry.State == EntityState.Modified && Changed(entry, nameof(Need.Status)) is (NeedStatus previous, _):
                    events.Add(EventFactory.NeedStatusChanged(need, previous, now));
                    break;
                case MatchRun run when entry.State == EntityState.Added:
                    events.Add(EventFactory.MatchRunCompleted(run, await BuyerOfAsync(context, run.NeedId, cancellationToken), now));
                    break;
                case MatchTransition transition when entry.State == EntityState.Added:
                    var match = context.Set<Match>().Local.FirstOrDefault(m => m.Id == transition.MatchId)
                        ?? await context.Set<Match>().AsNoTracking().FirstAsync(m => m.Id == transition.MatchId, cancellationToken);
                    if (EventFactory.MatchTransitioned(match, transition, await BuyerOfAsync(context, match.NeedId, cancellationToken), now) is { } moved)
                    {
                        events.Add(moved);
                    }

                    break;
                case Partnership partnership when entry.State == EntityState.Added:
                    events.Add(EventFactory.PartnershipCreated(partnership, now));
                    break;
                case Partnership partnership when entry.State == EntityState.Modified:
                    if (Changed(entry, nameof(Partnership.Status)) is (_, PartnershipStatus.Completed))
                    {
                        events.Add(EventFactory.PartnershipCompleted(partnership, now));
                    }

                    if (Changed(entry, nameof(Partnership.PaidOn)) is (null, not null))
                    {
                        events.Add(EventFactory.PartnershipPaymentRecorded(partnership, now));
                    }

                    break;
                case FinancingRequest request when entry.State == EntityState.Added:
                    events.Add(EventFactory.FinancingMoved(request, request.Status, request.Status, opened: true, now)!);
                    break;
                case FinancingStep step when entry.State == EntityState.Added && step.From != step.To:
                    var financed = context.Set<FinancingRequest>().Local.First(r => r.Id == step.RequestId);
                    if (EventFactory.FinancingMoved(financed, step.From, step.To, opened: false, now) is { } financingMoved)
                    {
                        events.Add(financingMoved);
                    }

                    break;
                case FinancingOffer offer when entry.State == EntityState.Added:
                    events.Add(EventFactory.FinancingOfferMade(context.Set<FinancingRequest>().Local.First(r => r.Id == offer.RequestId), offer, now));
                    break;
                case Domain.Programs.Enrolment enrolment when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && Changed(entry, nameof(Domain.Programs.Enrolment.Status)) is not null):
                    events.Add(EventFactory.ProgramStep(context.Set<Domain.Programs.CapabilityProgram>().Local.First(p => p.Id == enrolment.ProgramId), enrolment, now));
                    break;
                case WebhookSubscription subscription when entry.State == EntityState.Modified && Changed(entry, nameof(WebhookSubscription.Active)) is (true, false):
                    events.Add(EventFactory.WebhookDisabled(subscription, now));
                    break;
            }
        }

        return events;
    }

    /// <summary>The original and current value of a property that changed, or null.</summary>
    private static (object? Original, object? Current)? Changed(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return value.IsModified && !Equals(value.OriginalValue, value.CurrentValue) ? (value.OriginalValue, value.CurrentValue) : null;
    }

    private static async Task<Guid> BuyerOfAsync(DbContext context, Guid needId, CancellationToken cancellationToken) =>
        context.Set<Need>().Local.FirstOrDefault(n => n.Id == needId)?.BuyerId
        ?? await context.Set<Need>().AsNoTracking().Where(n => n.Id == needId).Select(n => n.BuyerId).FirstAsync(cancellationToken);
}
