namespace Matchmaking.Domain.Webhooks;

public enum DeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One event on its way to one subscription: attempted until the receiver answers 2xx or the retry schedule
/// is spent. Deliveries of one resource to one subscription go in event order.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>What is kept of a receiver's answer: enough to debug, never a stored copy of what it sent.</summary>
    public const int MaxResponseExcerpt = 256;

    private readonly List<WebhookAttempt> _attempts = [];

    private WebhookDelivery()
    {
        EventType = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; }
    public long EventPosition { get; private set; }
    public Guid ResourceId { get; private set; }
    public DeliveryStatus Status { get; private set; }

    /// <summary>Attempts since the delivery was (re)scheduled; the retry schedule counts these.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While a dispatcher holds the delivery: no other takes it before this time.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? SucceededAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<WebhookAttempt> AttemptLog => _attempts;

    /// <summary>Records an attempt (the dispatcher has counted it when it claimed the delivery) and schedules the next one or ends the delivery.</summary>
    /// <returns>True when the delivery was given up with this attempt.</returns>
    public bool Record(int? statusCode, string? error, string? responseExcerpt, long durationMs, DateTimeOffset at,
        IReadOnlyList<TimeSpan> retrySchedule, double jitter)
    {
        _attempts.Add(new WebhookAttempt(Guid.CreateVersion7(at), Id, at, statusCode, Truncate(error), Truncate(responseExcerpt), durationMs));
        LastAttemptAt = at;
        LeaseUntil = null;
        if (statusCode is >= 200 and < 300)
        {
            Status = DeliveryStatus.Succeeded;
            SucceededAt = at;
            return false;
        }

        // Attempts counts the first try too: the schedule holds the waits between tries.
        if (Attempts > retrySchedule.Count)
        {
            Status = DeliveryStatus.Failed;
            return true;
        }

        var wait = retrySchedule[Attempts - 1];
        NextAttemptAt = at + wait * (1 + (Math.Clamp(jitter, 0, 1) * 0.2) - 0.1);
        return false;
    }

    /// <summary>Sends it again from the start of the schedule, whatever happened before.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LeaseUntil = null;
        SucceededAt = null;
    }

    private static string? Truncate(string? text) => text is { Length: > MaxResponseExcerpt } ? text[..MaxResponseExcerpt] : text;
}

/// <summary>One try: when, how the receiver answered (or why it could not be reached), and how long it took.</summary>
public sealed class WebhookAttempt(Guid id, Guid deliveryId, DateTimeOffset at, int? statusCode, string? error, string? responseExcerpt, long durationMs)
{
    public Guid Id { get; private set; } = id;
    public Guid DeliveryId { get; private set; } = deliveryId;
    public DateTimeOffset At { get; private set; } = at;

    /// <summary>The receiver's HTTP status; null when it could not be reached or did not answer in time.</summary>
    public int? StatusCode { get; private set; } = statusCode;

    public string? Error { get; private set; } = error;
    public string? ResponseExcerpt { get; private set; } = responseExcerpt;
    public long DurationMs { get; private set; } = durationMs;
}
