using AutoMapper;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Application.Webhooks;

public sealed record WebhookDto(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool Active, string? DisabledReason, DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
;

/// <summary>A subscription with its signing secret: shown at creation and at rotation, never again.</summary>
public sealed record WebhookWithSecretDto(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool Active, DateTimeOffset CreatedAt, string Secret,
    DateTimeOffset? PreviousSecretExpiresAt)
;

public sealed record WebhookAttemptDto(DateTimeOffset At, int? StatusCode, string? Error, string? ResponseExcerpt, long DurationMs);

public sealed record WebhookDeliveryDto(
    Guid Id, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SucceededAt, DateTimeOffset CreatedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog)
;

public sealed class WebhookMappingProfile : Profile
{
    public WebhookMappingProfile()
    {
        CreateMap<WebhookSubscription, WebhookDto>();
        CreateMap<WebhookSubscription, WebhookWithSecretDto>();
        CreateMap<WebhookAttempt, WebhookAttemptDto>();
        CreateMap<WebhookDelivery, WebhookDeliveryDto>()
            .ForCtorParam(nameof(WebhookDeliveryDto.NextAttemptAt), o => o.MapFrom(d => d.Status == DeliveryStatus.Pending ? (DateTimeOffset?)d.NextAttemptAt : null))
            .ForCtorParam(nameof(WebhookDeliveryDto.AttemptLog), o => o.MapFrom(d => d.AttemptLog.OrderBy(a => a.At)));
    }
}
