using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Application.Common.Behaviors;

/// <summary>Logs each request's name and duration; never its content, which may hold personal data or keys.</summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            logger.LogDebug("{Request} handled in {ElapsedMs:F1} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
