using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.DeleteWebhook;

/// <summary>Ends a subscription and its pending deliveries (their record goes with it).</summary>
public sealed record DeleteWebhookCommand(Guid Id) : IRequest<Unit>;

public sealed class DeleteWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.VisibleTo(user).FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", request.Id);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
