using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.RotateWebhookSecret;

/// <summary>A new secret, shown this once; deliveries carry signatures with both until the old one expires.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id) : IRequest<WebhookWithSecretDto>;

public sealed class RotateWebhookSecretCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock, WebhookOptions options)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookWithSecretDto>
{
    public async Task<WebhookWithSecretDto> Handle(RotateWebhookSecretCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.VisibleTo(user).FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", request.Id);
        subscription.RotateSecret(clock.GetUtcNow(), options.SecretOverlap);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<WebhookWithSecretDto>(subscription);
    }
}
