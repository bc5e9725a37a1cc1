using Matchmaking.Application.Common;
using Npgsql;

namespace Matchmaking.Infrastructure.Resilience;

/// <summary>
/// The buckets in <c>rate_limit_buckets</c> (migration RateLimitBuckets): one upsert refills and takes in a
/// single statement under the row's lock, so concurrent instances never hand out the same token. Buckets
/// idle for an hour are full again by definition and are deleted now and then.
/// </summary>
public sealed class PostgresRateLimitStore(string connectionString, TimeProvider clock) : IRateLimitStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    private const string TakeSql = """
        INSERT INTO rate_limit_buckets AS b (partition, tokens, granted, refilled_at)
        VALUES (@partition, @burst - @wanted, @wanted, now())
        ON CONFLICT (partition) DO UPDATE SET
            granted = least(@wanted, floor(least(@burst, b.tokens + extract(epoch FROM now() - b.refilled_at)::float8 * @rate)))::int,
            tokens = least(@burst, b.tokens + extract(epoch FROM now() - b.refilled_at)::float8 * @rate)
                     - least(@wanted, floor(least(@burst, b.tokens + extract(epoch FROM now() - b.refilled_at)::float8 * @rate))),
            refilled_at = now()
        RETURNING granted, tokens
        """;

    private long _nextSweep;

    public async Task<RateLimitGrant> TakeAsync(string partition, int wanted, int burst, double perSecond, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(TakeSql);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("wanted", wanted);
        command.Parameters.AddWithValue("burst", (double)burst);
        command.Parameters.AddWithValue("rate", perSecond);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var grant = new RateLimitGrant(reader.GetInt32(0), reader.GetDouble(1));
        await reader.DisposeAsync();
        await SweepNowAndThenAsync(cancellationToken);
        return grant;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task SweepNowAndThenAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + 600, due) != due)
        {
            return;
        }

        await using var sweep = _dataSource.CreateCommand("DELETE FROM rate_limit_buckets WHERE refilled_at < now() - interval '1 hour'");
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }
}
