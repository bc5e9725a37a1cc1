using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Facilities;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Persistence;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : DbContext(options), IApplicationDbContext
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Buyer> Buyers => Set<Buyer>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<MatchTransition> MatchTransitions => Set<MatchTransition>();
    public DbSet<NearMissRecord> NearMisses => Set<NearMissRecord>();
    public DbSet<Domain.Partnerships.Partnership> Partnerships => Set<Domain.Partnerships.Partnership>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Domain.Events.IntegrationEvent> Events => Set<Domain.Events.IntegrationEvent>();
    public DbSet<Domain.Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Domain.Webhooks.WebhookSubscription>();
    public DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Domain.Webhooks.WebhookDelivery>();
    public DbSet<Domain.Financing.Financier> Financiers => Set<Domain.Financing.Financier>();
    public DbSet<Domain.Financing.FinancingRequest> FinancingRequests => Set<Domain.Financing.FinancingRequest>();
    public DbSet<Domain.Programs.CapabilityProgram> Programs => Set<Domain.Programs.CapabilityProgram>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Capability> Capabilities => Set<Capability>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
