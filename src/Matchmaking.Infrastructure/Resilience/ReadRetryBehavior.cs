using Matchmaking.Application.Common;
using MediatR;
using Polly;
using Polly.Retry;

namespace Matchmaking.Infrastructure.Resilience;

/// <summary>
/// Retries a read (an <see cref="IQuery{TResponse}"/>) that met a passing database fault: twice, 50 then
/// 100 ms apart with jitter, so a failover or a dropped pooled connection costs a client nothing and an
/// outage still answers 503 well within a second. Commands are never retried here: whether a failed
/// commit happened cannot be known, and the Idempotency-Key is what makes a client's retry of a write safe.
/// </summary>
public sealed class ReadRetryBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseFaults.IsUnavailable),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(50),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IQuery<TResponse>)
        {
            return await next();
        }

        return await Pipeline.ExecuteAsync(async _ => await next(), cancellationToken);
    }
}
