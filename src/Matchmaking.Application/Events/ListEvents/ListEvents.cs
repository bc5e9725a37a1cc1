using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;

namespace Matchmaking.Application.Events.ListEvents;

/// <summary>A page of the feed; <c>next</c> is where to resume (the cursor given, when nothing new has happened).</summary>
public sealed record EventPage(IReadOnlyList<EventDto> Items, string Next);

public sealed record ListEventsQuery(string? After, string? Types, int Limit = ListEventsQuery.DefaultLimit) : IQuery<EventPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public IReadOnlyCollection<string> TypeList =>
        string.IsNullOrWhiteSpace(Types) ? [] : Types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
}

public sealed class ListEventsQueryHandler(IEventFeed feed, ICurrentUser user) : IRequestHandler<ListEventsQuery, EventPage>
{
    public async Task<EventPage> Handle(ListEventsQuery request, CancellationToken cancellationToken)
    {
        var viewer = EventAccess.ViewerOf(user);
        var after = EventCursor.Start;
        if (request.After is not null)
        {
            EventCursor.TryDecode(request.After, out after);
        }

        var entries = await feed.ReadAsync(viewer, after, request.TypeList, request.Limit, cancellationToken);
        var next = entries.Count > 0 ? entries[^1].Cursor : after;
        return new EventPage(entries.Select(e => e.Event).ToList(), next.Encode());
    }
}
