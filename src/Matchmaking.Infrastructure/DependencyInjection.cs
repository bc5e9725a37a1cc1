using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Idempotency;
using Matchmaking.Infrastructure.Demo;
using Matchmaking.Infrastructure.Idempotency;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Persistence.ReferenceData;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Matchmaking.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Matchmaking";
    public const string ReadOnlyConnectionStringName = "MatchmakingReadOnly";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = WithPoolDefaults(configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings__{ConnectionStringName}."), configuration);

        services.AddScoped<VersionInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<Events.OutboxInterceptor>();
        services.AddDbContext<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(
                provider.GetRequiredService<VersionInterceptor>(), provider.GetRequiredService<Events.OutboxInterceptor>(), provider.GetRequiredService<AuditInterceptor>())
            // A supplier without contact details has no contact row values; null is the intended reading.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning)));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());
        services.AddSingleton(ReferenceDataLoader.Load());
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<Application.Suppliers.ImportSuppliers.ISupplierBulkWriter, Import.NpgsqlSupplierBulkWriter>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<IRateLimitStore>(provider => new PostgresRateLimitStore(connectionString, provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<IRegistryVersion, RegistryVersion>();
        services.AddScoped<Application.Matching.ICandidateRanker, Matching.PostgresCandidateRanker>();
        services.AddScoped<Application.Matching.IMatchRunWriter, Matching.NpgsqlMatchRunWriter>();
        services.AddHostedService<IdempotencyCleanup>();
        services.AddScoped<Application.Events.IEventFeed, Events.PostgresEventFeed>();
        services.AddSingleton<Application.Suppliers.ListSuppliers.ISupplierTextSearch, PostgresSupplierTextSearch>();
        services.AddScoped<Application.Analytics.Financing.IFinancingAnalytics, Analytics.PostgresFinancingAnalytics>();
        services.AddScoped<Application.Analytics.Programs.IProgramAnalytics, Analytics.PostgresProgramAnalytics>();
        services.AddScoped<Application.Analytics.CapabilityGaps.ICapabilityGapAnalytics, Analytics.PostgresCapabilityGapAnalytics>();
        services.AddScoped<Application.Analytics.Funnel.IFunnelAnalytics, Analytics.PostgresFunnelAnalytics>();
        services.AddScoped<Application.Analytics.Linkage.ILinkageAnalytics, Analytics.PostgresLinkageAnalytics>();
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddHostedService<Webhooks.WebhookDispatcher>();
        services.AddHostedService<ConnectionPoolCheck>();
        // Read replica (optional): lag-tolerant reads go there while it is up and within its lag bound.
        var readOnly = configuration.GetConnectionString(ReadOnlyConnectionStringName);
        services.AddSingleton(provider => new Replication.ReadReplica(
            string.IsNullOrWhiteSpace(readOnly) ? null : WithPoolDefaults(readOnly, configuration),
            TimeSpan.FromSeconds(configuration.GetValue("Database:ReplicaMaxLagSeconds", 5.0)),
            provider.GetRequiredService<MatchmakingMetrics>()));
        services.AddHostedService<Replication.ReplicaMonitor>();
        services.AddHostedService<Observability.OutboxBacklog>();
        services.AddScoped<Replication.ReplicaRoute>();
        // A retried read re-runs the handler after validation; inside it, a read the replica fails goes to the
        // primary at once (the retries are for the primary, not spent on a replica that is away).
        services.AddScoped(typeof(MediatR.IPipelineBehavior<,>), typeof(ReadRetryBehavior<,>));
        services.AddScoped(typeof(MediatR.IPipelineBehavior<,>), typeof(Replication.ReadReplicaBehavior<,>));
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("postgresql", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The pool is sized on purpose (Npgsql's default of 100 does not fit PostgreSQL's default
    /// max_connections of 100 less reserved slots); a connection string that names its own values keeps them.
    /// Timeout bounds both connecting and waiting for a pooled connection, so no request hangs on a database
    /// that is away.
    /// </summary>
    private static string WithPoolDefaults(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "maximum pool size", "max pool size", "maxpoolsize"))
        {
            builder.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 40);
        }

        if (!Names(connectionString, "timeout"))
        {
            builder.Timeout = configuration.GetValue("Database:ConnectTimeoutSeconds", 5);
        }

        // JIT compiling the match-run statement costs more than it saves (the planner's cost crosses
        // jit_above_cost on every broad need); no other statement here is large enough to gain from it.
        if (!Names(connectionString, "options"))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    private static bool Names(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim().ToLowerInvariant()).Any(keys.Contains);
}
