using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Application.Common.Behaviors;

/// <summary>
/// Times every request in one place: a trace span named after the request (the SQL it issues shows beneath
/// it as Npgsql spans), the histogram <c>matchmaking.request.duration{request, outcome}</c>, a debug log, and a
/// warning past <c>Diagnostics:SlowRequestSeconds</c>. Never logs the request's content, which may hold
/// personal data or keys.
/// </summary>
public sealed partial class TimingBehavior<TRequest, TResponse>(
    MatchmakingMetrics metrics, TimeProvider clock, IConfiguration configuration, ILogger<TimingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var span = MatchmakingMetrics.Traces.StartActivity(RequestName);
        var started = clock.GetTimestamp();
        var outcome = "error";
        try
        {
            var response = await next();
            outcome = "ok";
            return response;
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            metrics.RequestDuration.Record(elapsed.TotalSeconds,
                new KeyValuePair<string, object?>("request", RequestName), new KeyValuePair<string, object?>("outcome", outcome));
            span?.SetStatus(outcome == "ok" ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            if (elapsed.TotalSeconds >= configuration.GetValue("Diagnostics:SlowRequestSeconds", 1.0))
            {
                LogSlow(RequestName, outcome, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(RequestName, outcome, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled ({Outcome}) in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string request, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow request: {Request} handled ({Outcome}) in {ElapsedMs:F0} ms")]
    private partial void LogSlow(string request, string outcome, double elapsedMs);
}
