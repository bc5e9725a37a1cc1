using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Application.Webhooks;

public sealed record WebhookDto(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool Active, string? DisabledReason, DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookDto From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.Description, s.Active, s.DisabledReason, s.CreatedAt, s.PreviousSecretExpiresAt);
}

/// <summary>A subscription with its signing secret: shown at creation and at rotation, never again.</summary>
public sealed record WebhookWithSecretDto(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool Active, DateTimeOffset CreatedAt, string Secret,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookWithSecretDto From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.Description, s.Active, s.CreatedAt, s.Secret, s.PreviousSecretExpiresAt);
}

public sealed record WebhookAttemptDto(DateTimeOffset At, int? StatusCode, string? Error, string? ResponseExcerpt, long DurationMs);

public sealed record WebhookDeliveryDto(
    Guid Id, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SucceededAt, DateTimeOffset CreatedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastAttemptAt,
        d.SucceededAt, d.CreatedAt,
        d.AttemptLog.OrderBy(a => a.At).Select(a => new WebhookAttemptDto(a.At, a.StatusCode, a.Error, a.ResponseExcerpt, a.DurationMs)).ToList());
}
