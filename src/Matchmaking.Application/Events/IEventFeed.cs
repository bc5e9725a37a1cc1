using Matchmaking.Domain.Access;

namespace Matchmaking.Application.Events;

/// <summary>
/// The events a viewer may see after a cursor, oldest first, never one whose transaction might still be
/// followed by an earlier one committing (so a cursor never skips an event that shows up later).
/// </summary>
public interface IEventFeed
{
    Task<IReadOnlyList<FeedEntry>> ReadAsync(EventViewer viewer, EventCursor after, IReadOnlyCollection<string> types, int limit, CancellationToken cancellationToken);
}

/// <summary>Whose events: admin all; a buyer those of its needs, matches and partnerships; a supplier those addressed to it.</summary>
public sealed record EventViewer(Role Role, Guid? OrganizationId);

public sealed record FeedEntry(EventDto Event, EventCursor Cursor);

/// <summary>
/// Where a reader stands in the feed: the transaction of the last event read and the event's position in
/// it. Opaque to clients (base64url).
/// </summary>
public readonly record struct EventCursor(ulong Transaction, long Position)
{
    public static readonly EventCursor Start = new(0, 0);

    public string Encode() => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"{Transaction}.{Position}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? text, out EventCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        var bytes = new byte[48];
        if (!Convert.TryFromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='), bytes, out var written))
        {
            return false;
        }

        var parts = System.Text.Encoding.ASCII.GetString(bytes, 0, written).Split('.');
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            || transaction > long.MaxValue)
        {
            return false;
        }

        cursor = new EventCursor(transaction, position);
        return true;
    }
}
