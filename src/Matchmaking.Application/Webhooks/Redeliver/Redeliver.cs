using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.Redeliver;

/// <summary>Sends a delivery again from the start of the retry schedule (the same event id, so receivers can tell).</summary>
public sealed record RedeliverCommand(Guid WebhookId, Guid DeliveryId) : IRequest<WebhookDeliveryDto>;

public sealed class RedeliverCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RedeliverCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RedeliverCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(s => s.Id == request.WebhookId, cancellationToken)
            ?? throw new NotFoundException("Webhook", request.WebhookId);
        if (!subscription.Active)
        {
            throw new ConflictException("The webhook is disabled; enable it before re-sending deliveries.");
        }

        var delivery = await db.WebhookDeliveries.Include(d => d.AttemptLog)
            .FirstOrDefaultAsync(d => d.Id == request.DeliveryId && d.SubscriptionId == request.WebhookId, cancellationToken)
            ?? throw new NotFoundException("Delivery", request.DeliveryId);
        delivery.Redeliver(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<WebhookDeliveryDto>(delivery);
    }
}
