namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// One warning per database outage instead of a stack trace per failed request: an episode starts at the
/// first failure after a quiet minute and its later failures are counted, not logged.
/// </summary>
internal sealed partial class DatabaseOutageLog(TimeProvider clock, ILogger<DatabaseOutageLog> logger)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastFailure = DateTimeOffset.MinValue;
    private long _failuresInEpisode;

    public void Report(Exception exception)
    {
        var now = clock.GetUtcNow();
        long previousEpisode;
        lock (_gate)
        {
            var newEpisode = now - _lastFailure > Quiet;
            _lastFailure = now;
            if (!newEpisode)
            {
                _failuresInEpisode++;
                return;
            }

            previousEpisode = _failuresInEpisode;
            _failuresInEpisode = 1;
        }

        LogUnavailable(exception.GetBaseException().Message, previousEpisode);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database unavailable, answering 503 until it is back: {Reason} (the previous episode failed {PreviousFailures} requests)")]
    private partial void LogUnavailable(string reason, long previousFailures);
}
