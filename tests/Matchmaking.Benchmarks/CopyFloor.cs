using System.Diagnostics;
using Matchmaking.Domain.Suppliers;
using Matchmaking.Infrastructure.Import;
using Npgsql;

namespace Matchmaking.Benchmarks;

/// <summary>
/// The import's floor: the same synthetic rows (same seed, built into suppliers as the import builds them),
/// binary COPY into the same three tables with the same indexes and triggers, in the import's batches, each
/// its own transaction. Only the database time is counted (building the rows is not).
/// </summary>
public static class CopyFloor
{
    public static async Task<int> RunAsync(string connectionString, int count, int batchSize = 5000)
    {
        var population = new SyntheticPopulation(42);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var copying = TimeSpan.Zero;
        var batch = new List<Supplier>(batchSize);
        var rows = 0;
        foreach (var input in population.Suppliers(count, today))
        {
            var supplier = new Supplier(Guid.CreateVersion7(), input.ToProfile(), now);
            if (input.Active == false)
            {
                supplier.Deactivate();
            }

            batch.Add(supplier);
            if (batch.Count == batchSize)
            {
                copying += await CopyAsync(connection, batch);
                rows += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            copying += await CopyAsync(connection, batch);
            rows += batch.Count;
        }

        Console.WriteLine(FormattableString.Invariant($"raw COPY floor: {rows} rows in {copying.TotalSeconds:F1} s of database time: {rows / copying.TotalSeconds:F0} rows/s"));
        return 0;
    }

    private static async Task<TimeSpan> CopyAsync(NpgsqlConnection connection, List<Supplier> batch)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var defer = new NpgsqlCommand("SET LOCAL matchmaking.defer_match_profiles = on", connection, transaction))
        {
            await defer.ExecuteNonQueryAsync();
        }

        await NpgsqlSupplierBulkWriter.CopyNewAsync(connection, batch, CancellationToken.None);
        await transaction.CommitAsync();
        return Stopwatch.GetElapsedTime(started);
    }
}
