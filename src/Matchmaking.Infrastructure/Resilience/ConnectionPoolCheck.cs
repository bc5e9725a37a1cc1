using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Matchmaking.Infrastructure.Resilience;

/// <summary>
/// At start, compares this instance's pool (times <c>Database:Instances</c>) with what the server admits
/// (<c>max_connections</c> less the reserved slots) and warns when they cannot all fit: past that, the
/// server refuses connections (53300) under load. Runs in the background so a database that is down at
/// start does not stop the API from answering 503.
/// </summary>
public sealed partial class ConnectionPoolCheck(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ConnectionPoolCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var pool = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxPoolSize;
            var instances = Math.Max(1, configuration.GetValue("Database:Instances", 1));
            var admitted = await db.Database.SqlQueryRaw<int>("""
                SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
                     - coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int AS "Value"
                """).SingleAsync(stoppingToken);
            if (pool * instances > admitted)
            {
                LogTooLarge(pool, instances, pool * instances, admitted);
            }
            else
            {
                LogFits(pool, instances, admitted);
            }
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            LogUnreachable(exception.GetBaseException().Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection pool does not fit the server: Maximum Pool Size {Pool} × {Instances} instance(s) = {Total} > {Admitted} connections the server admits. Lower Database:MaxPoolSize, raise max_connections, or put PgBouncer (transaction mode) in front.")]
    private partial void LogTooLarge(int pool, int instances, int total, int admitted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection pool {Pool} × {Instances} instance(s) fits the {Admitted} connections the server admits")]
    private partial void LogFits(int pool, int instances, int admitted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compare the connection pool with the server at start: {Reason}")]
    private partial void LogUnreachable(string reason);
}
