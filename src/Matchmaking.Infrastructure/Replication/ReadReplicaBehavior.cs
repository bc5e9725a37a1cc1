using Matchmaking.Application.Common;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Resilience;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Infrastructure.Replication;

/// <summary>
/// Sends an <see cref="ILagTolerantQuery{TResponse}"/> to the read replica when it is usable, and to the
/// primary when it is not or when it fails mid-read. The first request of a scope (an HTTP request) decides
/// for the whole scope, so a page and the version it is cached under come from the same server, and a read
/// that follows a write in the same request stays on the primary.
/// </summary>
public sealed partial class ReadReplicaBehavior<TRequest, TResponse>(
    ApplicationDbContext db, ReadReplica replica, ReplicaRoute route, ILogger<ReadReplicaBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (route.OnReplica is null && request is ILagTolerantQuery<TResponse>)
        {
            route.OnReplica = replica.IsUsable;
            if (!replica.IsUsable && replica.IsConfigured)
            {
                replica.FellBack(replica.LagSeconds is null ? "unavailable" : "lagging");
            }
        }

        route.OnReplica ??= false;
        if (route.OnReplica != true || request is not ILagTolerantQuery<TResponse>
            || db.Database.GetDbConnection().State != System.Data.ConnectionState.Closed)
        {
            return await next();
        }

        var primary = db.Database.GetConnectionString();
        db.Database.SetConnectionString(replica.ConnectionString);
        try
        {
            return await next();
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
        {
            replica.Unavailable("failed a read: " + exception.GetBaseException().Message);
            replica.FellBack("failed");
            LogFellBack(typeof(TRequest).Name, exception.GetBaseException().Message);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.Database.SetConnectionString(primary);
        }

        route.OnReplica = false;
        return await next();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} failed on the read replica ({Error}); answered from the primary")]
    private partial void LogFellBack(string request, string error);
}

/// <summary>Where this scope's lag-tolerant reads go, decided by its first request (null until then).</summary>
public sealed class ReplicaRoute
{
    public bool? OnReplica { get; set; }
}
