using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.EnableWebhook;

/// <summary>Starts a disabled subscription again; deliveries it gave up stay given up until re-sent.</summary>
public sealed record EnableWebhookCommand(Guid Id) : IRequest<WebhookDto>;

public sealed class EnableWebhookCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user) : IRequestHandler<EnableWebhookCommand, WebhookDto>
{
    public async Task<WebhookDto> Handle(EnableWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.VisibleTo(user).FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", request.Id);
        subscription.Enable();
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<WebhookDto>(subscription);
    }
}
