using System.Security.Cryptography;
using System.Text;
using Matchmaking.Application.Common.Idempotency;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Matchmaking.Infrastructure.Idempotency;

/// <summary>
/// PostgreSQL holds the keys, so every API instance on one database sees the same ones. A transaction-scoped
/// advisory lock marks a key as in use: a concurrent duplicate fails to take it (409) instead of waiting, and
/// a crash releases it with the rolled-back transaction, leaving nothing half-written.
/// </summary>
public sealed class IdempotencyStore(ApplicationDbContext db, TimeProvider clock, IConfiguration configuration) : IIdempotencyStore
{
    private TimeSpan Retention => TimeSpan.FromHours(configuration.GetValue("Idempotency:RetentionHours", 24.0));

    public async Task<IIdempotencyClaim?> TryClaimAsync(string caller, string key, bool shareRequestTransaction, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        NpgsqlConnection? ownConnection = null;
        IDbContextTransaction? efTransaction = null;
        NpgsqlTransaction transaction;
        if (shareRequestTransaction)
        {
            efTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            connection = (NpgsqlConnection)db.Database.GetDbConnection();
            transaction = (NpgsqlTransaction)efTransaction.GetDbTransaction();
        }
        else
        {
            ownConnection = new NpgsqlConnection(db.Database.GetConnectionString());
            await ownConnection.OpenAsync(cancellationToken);
            connection = ownConnection;
            transaction = await connection.BeginTransactionAsync(cancellationToken);
        }

        var claim = new Claim(connection, transaction, efTransaction, ownConnection, caller, key, clock, Retention);
        try
        {
            await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@id)", connection, transaction))
            {
                tryLock.Parameters.AddWithValue("id", LockId(caller, key));
                if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
                {
                    await claim.DisposeAsync();
                    return null;
                }
            }

            await claim.ReadStoredAsync(cancellationToken);
            return claim;
        }
        catch
        {
            await claim.DisposeAsync();
            throw;
        }
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_keys WHERE expires_at <= {clock.GetUtcNow()}", cancellationToken);

    private static long LockId(string caller, string key) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\n{caller}\n{key}")), 0);

    private sealed class Claim(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IDbContextTransaction? efTransaction, NpgsqlConnection? ownConnection,
        string caller, string key, TimeProvider clock, TimeSpan retention) : IIdempotencyClaim
    {
        private bool _finished;

        public StoredResponse? Stored { get; private set; }

        public async Task ReadStoredAsync(CancellationToken cancellationToken)
        {
            await using var read = new NpgsqlCommand("""
                SELECT request_hash, status_code, content_type, location, etag, body FROM idempotency_keys
                WHERE caller = @caller AND key = @key AND expires_at > @now
                """, connection, transaction);
            read.Parameters.AddWithValue("caller", caller);
            read.Parameters.AddWithValue("key", key);
            read.Parameters.AddWithValue("now", clock.GetUtcNow());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                Stored = new StoredResponse(
                    reader.GetFieldValue<byte[]>(0), reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<byte[]>(5));
            }
        }

        public async Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken)
        {
            if (transaction.Connection is null)
            {
                // The server ended the connection (shutdown, failover) after the write: it rolled back, so the
                // client retries with the same key and nothing was done twice.
                throw new NpgsqlException("The database connection was lost before the request could commit.", new IOException("connection lost"));
            }

            var now = clock.GetUtcNow();
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO idempotency_keys (caller, key, request_hash, status_code, content_type, location, etag, body, created_at, expires_at)
                VALUES (@caller, @key, @hash, @status, @content_type, @location, @etag, @body, @now, @expires)
                ON CONFLICT (caller, key) DO UPDATE SET request_hash = excluded.request_hash, status_code = excluded.status_code,
                    content_type = excluded.content_type, location = excluded.location, etag = excluded.etag, body = excluded.body,
                    created_at = excluded.created_at, expires_at = excluded.expires_at
                """, connection, transaction))
            {
                insert.Parameters.AddWithValue("caller", caller);
                insert.Parameters.AddWithValue("key", key);
                insert.Parameters.AddWithValue("hash", response.RequestHash);
                insert.Parameters.AddWithValue("status", response.StatusCode);
                insert.Parameters.AddWithValue("content_type", (object?)response.ContentType ?? DBNull.Value);
                insert.Parameters.AddWithValue("location", (object?)response.Location ?? DBNull.Value);
                insert.Parameters.AddWithValue("etag", (object?)response.ETag ?? DBNull.Value);
                insert.Parameters.AddWithValue("body", response.Body);
                insert.Parameters.AddWithValue("now", now);
                insert.Parameters.AddWithValue("expires", now + retention);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            if (efTransaction is not null)
            {
                await efTransaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }

            _finished = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_finished)
            {
                _finished = true;
                try
                {
                    if (efTransaction is not null)
                    {
                        await efTransaction.RollbackAsync();
                    }
                    else
                    {
                        await transaction.RollbackAsync();
                    }
                }
                catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
                {
                    // The connection is gone (the database went away): the server has already rolled back.
                }
            }

            if (efTransaction is not null)
            {
                await efTransaction.DisposeAsync();
            }
            else
            {
                await transaction.DisposeAsync();
            }

            if (ownConnection is not null)
            {
                await ownConnection.DisposeAsync();
            }
        }
    }
}
