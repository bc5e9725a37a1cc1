using Matchmaking.Domain.Access;
using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Facilities;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Common;

public interface IApplicationDbContext
{
    DbSet<Supplier> Suppliers { get; }
    DbSet<Buyer> Buyers { get; }
    DbSet<Facility> Facilities { get; }
    DbSet<Need> Needs { get; }
    DbSet<MatchRun> MatchRuns { get; }
    DbSet<Match> Matches { get; }
    DbSet<MatchTransition> MatchTransitions { get; }
    DbSet<NearMissRecord> NearMisses { get; }
    DbSet<Domain.Partnerships.Partnership> Partnerships { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Domain.Events.IntegrationEvent> Events { get; }
    DbSet<Domain.Webhooks.WebhookSubscription> WebhookSubscriptions { get; }
    DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries { get; }
    DbSet<Domain.Financing.Financier> Financiers { get; }
    DbSet<Domain.Financing.FinancingRequest> FinancingRequests { get; }
    DbSet<Domain.Programs.CapabilityProgram> Programs { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
