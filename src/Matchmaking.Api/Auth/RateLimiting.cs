using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Matchmaking.Application.Common;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Api.Auth;

/// <summary>
/// A token bucket per API key (per client address for requests without a valid key), shared by every API
/// instance through PostgreSQL (<c>RateLimiting:Store</c> = <c>PostgreSQL</c>, the default; <c>Memory</c>
/// keeps it in this process). Health checks, metrics and the OpenAPI document are not limited. Defaults are
/// generous for system-to-system traffic: bursts of 600, 100 requests/second sustained.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new RateLimitSettings(
            configuration.GetValue("RateLimiting:Burst", 600),
            configuration.GetValue("RateLimiting:PerSecond", 100),
            !string.Equals(configuration["RateLimiting:Store"], "Memory", StringComparison.OrdinalIgnoreCase)));
        services.AddSingleton<LocalRateLimit>();
        services.AddSingleton<SharedRateLimit>();
        services.AddSingleton<ApiKeyRateLimit>();
        return services;
    }
}

public sealed record RateLimitSettings(int Burst, int PerSecond, bool Shared);

/// <summary>What the limiter decided for a request; kept on the request for the X-RateLimit-* headers.</summary>
public sealed record RateLimitDecision(bool Allowed, int Remaining, int RetryAfterSeconds);

/// <summary>
/// Decides per request (shared buckets, or this process's when <c>RateLimiting:Store</c> is <c>Memory</c>
/// or the database does not answer) and tells every answer its budget: the X-RateLimit trio GitHub and
/// others use (bucket size, what is left, seconds until it is full again).
/// </summary>
public sealed class ApiKeyRateLimit(RateLimitSettings settings, SharedRateLimit shared, LocalRateLimit local, ILogger<ApiKeyRateLimit> logger)
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";
    public const string ResetHeader = "X-RateLimit-Reset";

    private static readonly object DecisionKey = new();

    public static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } key ? "key:" + key : "ip:" + context.Connection.RemoteIpAddress;

    public async Task<RateLimitDecision> DecideAsync(HttpContext context)
    {
        var partition = PartitionOf(context);
        RateLimitDecision decision;
        if (!settings.Shared)
        {
            decision = local.Acquire(partition);
        }
        else
        {
            try
            {
                decision = await shared.AcquireAsync(partition, context.RequestAborted);
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
            {
                // The database is away: this instance's own buckets hold the line until it is back.
                logger.LogDebug("Shared rate limit unavailable ({Error}); this instance's bucket decides", exception.GetBaseException().Message);
                decision = local.Acquire(partition);
            }
        }

        context.Items[DecisionKey] = decision;
        return decision;
    }

    public void AddHeaders(HttpContext context)
    {
        if (context.Items[DecisionKey] is not RateLimitDecision decision)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers[LimitHeader] = settings.Burst.ToString(CultureInfo.InvariantCulture);
        headers[RemainingHeader] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[ResetHeader] = ((int)Math.Ceiling((settings.Burst - decision.Remaining) / (double)Math.Max(1, settings.PerSecond))).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The shared buckets, taken in small leases: an instance takes up to <see cref="LeaseSize"/> tokens in one
/// statement and spends them locally, so a key's requests cost a database round trip every few requests, and
/// the most a key can get beyond its limit is one unspent lease per instance.
/// </summary>
public sealed class SharedRateLimit(RateLimitSettings settings, IRateLimitStore store)
{
    private const int MaxPartitions = 100_000;
    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    /// <summary>A twentieth of the burst, at most a tenth of a second's rate, at least one.</summary>
    public int LeaseSize { get; } = Math.Max(1, Math.Min(settings.Burst / 20, settings.PerSecond / 10));

    public async Task<RateLimitDecision> AcquireAsync(string partition, CancellationToken cancellationToken)
    {
        if (_leases.Count > MaxPartitions)
        {
            _leases.Clear(); // unspent leases are forgotten: the key gets slightly less, never more
        }

        var lease = _leases.GetOrAdd(partition, _ => new Lease());
        await lease.Gate.WaitAsync(cancellationToken);
        try
        {
            if (lease.Tokens == 0)
            {
                var grant = await store.TakeAsync(partition, LeaseSize, settings.Burst, settings.PerSecond, cancellationToken);
                (lease.Tokens, lease.Left) = (grant.Granted, grant.Left);
                if (grant.Granted == 0)
                {
                    return new RateLimitDecision(false, 0, Math.Max(1, (int)Math.Ceiling((1 - grant.Left) / Math.Max(1, settings.PerSecond))));
                }
            }

            lease.Tokens--;
            return new RateLimitDecision(true, (int)Math.Floor(lease.Left) + lease.Tokens, 0);
        }
        finally
        {
            lease.Gate.Release();
        }
    }

    private sealed class Lease
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Tokens { get; set; }

        public double Left { get; set; }
    }
}

/// <summary>This process's own token buckets (System.Threading.RateLimiting).</summary>
public sealed class LocalRateLimit(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);

    public RateLimitDecision Acquire(string partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        var remaining = (int)Math.Max(0, _limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 0);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        return new RateLimitDecision(lease.IsAcquired, remaining, lease.IsAcquired ? 0 : retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Answers 429 problem+json with Retry-After when the caller's bucket is empty (only under /api).</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, ApiKeyRateLimit rateLimit, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var decision = await rateLimit.DecideAsync(context);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key sent more requests than its limit. Retry after {decision.RetryAfterSeconds} s.",
            },
        });
    }
}
