using Matchmaking.Application.Common.Idempotency;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Infrastructure.Idempotency;

/// <summary>Deletes expired idempotency keys every quarter hour. Safe on every instance at once (one DELETE).</summary>
public sealed partial class IdempotencyCleanup(IServiceScopeFactory scopes, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().DeleteExpiredAsync(stoppingToken);
                LogDeleted(deleted);
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
            {
                // The next tick tries again; the outage itself is reported by the requests that meet it.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys")]
    private partial void LogDeleted(int count);
}
