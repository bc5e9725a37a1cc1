using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Matchmaking.Infrastructure.Replication;

/// <summary>
/// Measures the replica's replay lag every <c>Database:ReplicaCheckSeconds</c> (default 2): zero when it has
/// replayed all it received, otherwise the age of the last transaction it replayed. Logs each change between
/// usable and not.
/// </summary>
public sealed partial class ReplicaMonitor(ReadReplica replica, IConfiguration configuration, ILogger<ReplicaMonitor> logger) : BackgroundService
{
    private const string LagSql = """
        SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0::float8
                    WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0::float8
                    ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8, 0::float8) END
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!replica.IsConfigured)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue("Database:ReplicaCheckSeconds", 2.0)));
        var wasUsable = (bool?)null;
        using var timer = new PeriodicTimer(period);
        do
        {
            await MeasureAsync(stoppingToken);
            if (wasUsable != replica.IsUsable)
            {
                wasUsable = replica.IsUsable;
                if (replica.IsUsable)
                {
                    LogUsable(replica.LagSeconds ?? 0);
                }
                else
                {
                    LogNotUsable(replica.Reason);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(replica.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(LagSql, connection);
            replica.Measured((double)(await command.ExecuteScalarAsync(cancellationToken))!);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            replica.Unavailable("not answering: " + exception.GetBaseException().Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read replica in use (lag {LagSeconds:0.###} s)")]
    private partial void LogUsable(double lagSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read replica not used, lag-tolerant reads go to the primary: {Reason}")]
    private partial void LogNotUsable(string reason);
}
