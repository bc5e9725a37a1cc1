namespace Matchmaking.Domain.Events;

/// <summary>
/// Something that happened, as integrators are told of it: written in the same transaction as the change
/// (the outbox), read by the event feed and delivered by webhooks. Who may see it is part of the event:
/// the buyer it concerns, and the suppliers it is addressed to (a supplier is not told of a shortlist, only
/// of its invitation and what follows). Admin sees every event.
/// </summary>
public sealed class IntegrationEvent
{
    private IntegrationEvent()
    {
        Type = Data = string.Empty;
        SupplierIds = [];
        FinancierIds = [];
    }

    public IntegrationEvent(string type, DateTimeOffset occurredAt, Guid resourceId, Guid? buyerId, IEnumerable<Guid> supplierIds, string data)
    {
        if (!EventTypes.IsKnown(type))
        {
            throw new ArgumentException($"Unknown event type '{type}'.", nameof(type));
        }

        Id = Guid.CreateVersion7(occurredAt);
        Type = type;
        OccurredAt = occurredAt;
        ResourceId = resourceId;
        BuyerId = buyerId;
        SupplierIds = supplierIds.Distinct().ToArray();
        FinancierIds = [];
        Data = data;
    }

    /// <summary>Also addressed to these financiers, or to every financier.</summary>
    public IntegrationEvent ForFinanciers(IEnumerable<Guid> financierIds, bool all = false)
    {
        FinancierIds = financierIds.Distinct().ToArray();
        AllFinanciers = all;
        return this;
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// Gives events written together ascending ids in the order given: EF Core sends inserts into one table in
    /// key order, and the position the database assigns must follow the order of the changes.
    /// </summary>
    public static void NumberInOrder(IReadOnlyList<IntegrationEvent> events)
    {
        var ids = events.Select(e => Guid.CreateVersion7(e.OccurredAt)).Order().ToArray();
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Id = ids[i];
        }
    }

    /// <summary>Set by the database: the order of events within their transaction.</summary>
    public long Position { get; private set; }

    public string Type { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The need, run, match, partnership, import or webhook the event is about; deliveries of one resource keep their order.</summary>
    public Guid ResourceId { get; private set; }

    public Guid? BuyerId { get; private set; }

    public IReadOnlyList<Guid> SupplierIds { get; private set; }

    public IReadOnlyList<Guid> FinancierIds { get; private set; }

    public bool AllFinanciers { get; private set; }

    /// <summary>The snapshot, as JSON.</summary>
    public string Data { get; private set; }
}
