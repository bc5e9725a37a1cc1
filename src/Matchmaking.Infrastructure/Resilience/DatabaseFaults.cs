using System.Net.Sockets;
using Npgsql;

namespace Matchmaking.Infrastructure.Resilience;

/// <summary>
/// Tells a database that cannot answer now (down, restarting, out of connections, timed out, a
/// serialization failure or deadlock) from an error in the request or the code. The first is a 503 that a
/// client retries; the second is not.
/// </summary>
public static class DatabaseFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources, 53300 too many connections
        || sqlState.StartsWith("57P", StringComparison.Ordinal) // admin/crash shutdown, cannot connect now
        || sqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.ReadOnlySqlTransaction;
}
