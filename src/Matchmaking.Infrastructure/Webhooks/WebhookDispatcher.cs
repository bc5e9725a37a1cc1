using System.Text.Json;
using Matchmaking.Application.Common.Json;
using Matchmaking.Application.Events;
using Matchmaking.Application.Webhooks;
using Matchmaking.Domain.Events;
using Matchmaking.Infrastructure.Events;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Matchmaking.Infrastructure.Webhooks;

/// <summary>
/// Delivers the outbox to webhook subscriptions, at least once, on any number of instances at a time:
/// <list type="number">
/// <item>fan-out: one instance at a time (the cursor row, locked with SKIP LOCKED) turns new events into one
/// delivery per subscription that wants and may see them, reading only transactions that can no longer be
/// overtaken (as the feed does), and moves the cursor in the same statement;</item>
/// <item>claim: each instance leases due deliveries with FOR UPDATE SKIP LOCKED, so no delivery is in flight
/// twice; a delivery waits while an earlier one of the same resource to the same subscription is pending;</item>
/// <item>send and record: the attempt, the next try (back-off with jitter) or the end, and the subscription's
/// run of failures, in one SaveChanges. A crash mid-send leaves the lease to expire and the delivery is tried again.</item>
/// </list>
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSender sender, WebhookOptions options, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const int FanOutBatch = 500;
    /// <summary>Deliveries claimed at a time, all sent at once: nothing claimed waits behind a slow receiver.</summary>
    public const int ClaimBatch = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Dispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await FanOutAsync(stoppingToken) == FanOutBatch;
                busy |= await DeliverDueAsync(stoppingToken) == ClaimBatch;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
            {
                // The next round tries again; the outage itself is reported by the requests that meet it.
            }
            catch (Exception exception)
            {
                LogRoundFailed(exception);
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Turns the next events into deliveries; returns how many events it read (0 when another instance holds the cursor).</summary>
    private async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var now = clock.GetUtcNow();
        var read = await db.Database.SqlQueryRaw<int>(
            $"""
            WITH cursor AS (SELECT last_xid, last_position FROM webhook_fanout WHERE id = 1 FOR UPDATE SKIP LOCKED),
            batch AS (
                SELECT e.* FROM events e, cursor c
                WHERE (e.transaction_id, e.position) > (c.last_xid, c.last_position) AND {PostgresEventFeed.ReadableTransactions}
                ORDER BY e.transaction_id, e.position
                LIMIT {FanOutBatch}),
            inserted AS (
                INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, event_position, event_xid, resource_id, status, attempts, next_attempt_at, created_at)
                SELECT gen_random_uuid(), s.id, b.id, b.type, b.position, b.transaction_id, b.resource_id, 'Pending', 0, @now, @now
                FROM batch b
                JOIN webhook_subscriptions s ON s.active AND b.type = ANY(s.events) AND s.created_at <= b.occurred_at
                    AND event_visible_to(lower(s.owner_role), s.organization_id, b.buyer_id, b.supplier_ids, b.financier_ids, b.all_financiers)
                ON CONFLICT (subscription_id, event_id) DO NOTHING
                RETURNING 1),
            last AS (SELECT transaction_id, position FROM batch ORDER BY transaction_id DESC, position DESC LIMIT 1)
            UPDATE webhook_fanout f SET last_xid = last.transaction_id, last_position = last.position
            FROM last WHERE f.id = 1
            RETURNING (SELECT count(*)::int FROM batch) AS "Value"
            """, new NpgsqlParameter("now", now)).ToListAsync(cancellationToken);
        return read.SingleOrDefault();
    }

    private async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> claimed;
        var now = clock.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            claimed = await db.Database.SqlQueryRaw<Guid>(
                $"""
                UPDATE webhook_deliveries d SET lease_until = @lease_until, attempts = d.attempts + 1
                FROM (
                    SELECT d2.id FROM webhook_deliveries d2
                    JOIN webhook_subscriptions s ON s.id = d2.subscription_id AND s.active
                    WHERE d2.status = 'Pending' AND d2.next_attempt_at <= @now AND (d2.lease_until IS NULL OR d2.lease_until < @now)
                      AND NOT EXISTS (
                          SELECT 1 FROM webhook_deliveries e
                          WHERE e.subscription_id = d2.subscription_id AND e.resource_id = d2.resource_id AND e.status = 'Pending'
                            AND (e.event_xid, e.event_position) < (d2.event_xid, d2.event_position))
                    ORDER BY d2.next_attempt_at
                    LIMIT {ClaimBatch}
                    FOR UPDATE OF d2 SKIP LOCKED) picked
                WHERE d.id = picked.id
                RETURNING d.id AS "Value"
                """,
                new NpgsqlParameter("now", now), new NpgsqlParameter("lease_until", now + options.Timeout + TimeSpan.FromSeconds(30)))
                .ToListAsync(cancellationToken);
        }

        try
        {
            await Task.WhenAll(claimed.Select(id => DeliverAsync(id, cancellationToken)));
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(claimed);
            }
        }

        return claimed.Count;
    }

    /// <summary>On shutdown: what was claimed but not recorded goes back at once, for the next instance, instead of waiting out its lease.</summary>
    private async Task ReleaseAsync(List<Guid> claimed)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE webhook_deliveries SET lease_until = NULL, attempts = attempts - 1 WHERE id = ANY(@ids) AND status = 'Pending' AND lease_until IS NOT NULL",
            new NpgsqlParameter("ids", claimed.ToArray()));
    }

    private async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        var subscription = delivery is null ? null : await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var stored = delivery is null ? null : await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == delivery.EventId, cancellationToken);
        if (delivery is null || subscription is null || stored is null)
        {
            return; // deleted with its subscription meanwhile
        }

        var body = Body(stored);
        var now = clock.GetUtcNow();
        var outcome = await sender.SendAsync(subscription.Url, stored.Id, body, subscription.SigningSecrets(now), now, cancellationToken);
        var gaveUp = delivery.Record(outcome.StatusCode, outcome.Error, outcome.ResponseExcerpt, outcome.DurationMs, clock.GetUtcNow(),
            options.RetrySchedule, Random.Shared.NextDouble());
        if (outcome.StatusCode is >= 200 and < 300)
        {
            subscription.Delivered();
        }
        else if (gaveUp && subscription.GaveUp(options.DisableAfterFailures))
        {
            LogDisabled(subscription.Id, subscription.ConsecutiveFailures);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The delivery body: the event exactly as the feed lists it.</summary>
    public static string Body(IntegrationEvent stored) => JsonSerializer.Serialize(new EventDto(stored.Id, stored.Type, stored.OccurredAt, EventData.Parse(stored.Data)), JsonDefaults.Options);

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook dispatch round failed")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled after {Failures} deliveries in a row failed every attempt")]
    private partial void LogDisabled(Guid webhookId, int failures);
}
