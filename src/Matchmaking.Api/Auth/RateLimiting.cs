using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Matchmaking.Api.Auth;

/// <summary>
/// A token bucket per API key (per client address for requests without a valid key). Health checks and
/// the OpenAPI document are not limited. Limits come from <c>RateLimiting:*</c>; defaults are generous
/// for system-to-system traffic: bursts of 600, 100 requests/second sustained.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var burst = configuration.GetValue("RateLimiting:Burst", 600);
        var perSecond = configuration.GetValue("RateLimiting:PerSecond", 100);

        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var partition = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value
                    ?? "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        services.AddSingleton(new ApiKeyRateLimit(limiter, burst, perSecond));
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = limiter;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This API key sent more requests than its limit. Retry after {retryAfter} s.",
                    },
                });
            };
        });
        return services;
    }
}

/// <summary>
/// The per-key token bucket, kept so every answer can tell the client its budget (the X-RateLimit-* trio
/// that GitHub and others use): the bucket size, what is left, and the seconds until it is full again.
/// </summary>
public sealed class ApiKeyRateLimit(PartitionedRateLimiter<HttpContext> limiter, int burst, int perSecond)
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";
    public const string ResetHeader = "X-RateLimit-Reset";

    public void AddHeaders(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || limiter.GetStatistics(context) is not { } statistics)
        {
            return;
        }

        var remaining = Math.Max(0, statistics.CurrentAvailablePermits);
        var headers = context.Response.Headers;
        headers[LimitHeader] = burst.ToString(CultureInfo.InvariantCulture);
        headers[RemainingHeader] = remaining.ToString(CultureInfo.InvariantCulture);
        headers[ResetHeader] = ((int)Math.Ceiling((burst - remaining) / (double)Math.Max(1, perSecond))).ToString(CultureInfo.InvariantCulture);
    }
}
