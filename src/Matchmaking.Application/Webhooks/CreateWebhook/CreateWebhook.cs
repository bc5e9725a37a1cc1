using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Events;
using Matchmaking.Domain.Webhooks;
using MediatR;

namespace Matchmaking.Application.Webhooks.CreateWebhook;

public sealed record WebhookInput
{
    /// <summary>Where deliveries are POSTed: https (http only where configured for local testing), not a private address.</summary>
    public string? Url { get; init; }

    /// <summary>Event types to receive, e.g. match.accepted.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    public string? Description { get; init; }
}

/// <summary>Subscribes the caller's organisation (or admin) to event types; the secret comes back this once.</summary>
public sealed record CreateWebhookCommand(WebhookInput Body) : IRequest<WebhookWithSecretDto>;

public sealed class CreateWebhookCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateWebhookCommand, WebhookWithSecretDto>
{
    public async Task<WebhookWithSecretDto> Handle(CreateWebhookCommand request, CancellationToken cancellationToken)
    {
        var viewer = EventAccess.ViewerOf(user);
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), viewer.Role, viewer.OrganizationId, user.KeyId,
            new Uri(request.Body.Url!), request.Body.Events!, request.Body.Description?.Trim(), clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<WebhookWithSecretDto>(subscription);
    }
}
