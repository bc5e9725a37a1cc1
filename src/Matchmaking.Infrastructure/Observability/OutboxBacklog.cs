using System.Diagnostics.Metrics;
using Matchmaking.Application.Common;
using Matchmaking.Infrastructure.Events;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Matchmaking.Infrastructure.Observability;

/// <summary>
/// The outbox backlog as two gauges, counted every <c>Metrics:BacklogSeconds</c> (default 15): events not
/// yet fanned out to webhook subscriptions, and deliveries waiting for a (re)try. A gauge callback never
/// queries the database itself: a scrape must not wait on PostgreSQL.
/// </summary>
public sealed class OutboxBacklog : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _period;
    private long? _events;
    private long? _deliveries;

    public OutboxBacklog(IServiceScopeFactory scopes, IConfiguration configuration, MatchmakingMetrics metrics)
    {
        _scopes = scopes;
        _period = TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue("Metrics:BacklogSeconds", 15.0)));
        metrics.Meter.CreateObservableGauge("matchmaking.outbox.events_pending", () => Observe(_events), "{event}", "Events not yet fanned out to webhook subscriptions");
        metrics.Meter.CreateObservableGauge("matchmaking.outbox.deliveries_pending", () => Observe(_deliveries), "{delivery}", "Webhook deliveries waiting for their first or next attempt");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_period);
        do
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                var counts = await db.Database.SqlQueryRaw<Backlog>($"""
                    SELECT (SELECT count(*) FROM events e, webhook_fanout c
                            WHERE c.id = 1 AND (e.transaction_id, e.position) > (c.last_xid, c.last_position) AND {PostgresEventFeed.ReadableTransactions}) AS events,
                           (SELECT count(*) FROM webhook_deliveries WHERE status = 'Pending') AS deliveries
                    """).SingleAsync(stoppingToken);
                (_events, _deliveries) = (counts.Events, counts.Deliveries);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && (DatabaseFaults.IsUnavailable(exception) || exception is PostgresException))
            {
                // Database away, or not migrated yet: no figure rather than a stale one; the next round tries again.
                (_events, _deliveries) = (null, null);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static IEnumerable<Measurement<long>> Observe(long? value) => value is { } v ? [new Measurement<long>(v)] : [];

    private sealed class Backlog
    {
        public long Events { get; init; }

        public long Deliveries { get; init; }
    }
}
