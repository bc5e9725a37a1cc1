using Matchmaking.Application.Events;
using Matchmaking.Domain.Access;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matchmaking.Infrastructure.Events;

/// <summary>
/// Reads the outbox in (transaction, position) order, and only transactions older than the oldest one still
/// running (<c>pg_snapshot_xmin</c>): an event that commits later always sorts after every cursor handed
/// out, so a reader that resumes from its cursor sees no gap and no repeat. Who sees which event is the SQL
/// function <c>event_visible_to</c> (migration Events), shared with the webhook fan-out.
/// </summary>
public sealed class PostgresEventFeed(ApplicationDbContext db) : IEventFeed
{
    public const string ReadableTransactions = "e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())";

    public async Task<IReadOnlyList<FeedEntry>> ReadAsync(EventViewer viewer, EventCursor after, IReadOnlyCollection<string> types, int limit, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(
                $"""
                SELECT e.id, e.type, e.occurred_at, e.data::text, e.transaction_id::text, e.position
                FROM events e
                WHERE (e.transaction_id, e.position) > (@xid::text::xid8, @position)
                  AND {ReadableTransactions}
                  AND event_visible_to(@role, @organization, e.buyer_id, e.supplier_ids, e.financier_ids, e.all_financiers)
                  AND (cardinality(@types) = 0 OR e.type = ANY(@types))
                ORDER BY e.transaction_id, e.position
                LIMIT @limit
                """, connection);
            command.Parameters.AddWithValue("xid", after.Transaction.ToString(System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("position", after.Position);
            command.Parameters.AddWithValue("role", Role(viewer.Role));
            command.Parameters.AddWithValue("organization", NpgsqlTypes.NpgsqlDbType.Uuid, (object?)viewer.OrganizationId ?? DBNull.Value);
            command.Parameters.AddWithValue("types", types.ToArray());
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<FeedEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var dto = new EventDto(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), EventData.Parse(reader.GetString(3)));
                entries.Add(new FeedEntry(dto, new EventCursor(ulong.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(5))));
            }

            return entries;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>How the role is named to <c>event_visible_to</c>.</summary>
    public static string Role(Role role) => role.ToString().ToLowerInvariant();
}
