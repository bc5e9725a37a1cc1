using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookDto>;

public sealed class GetWebhookQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetWebhookQuery, WebhookDto>
{
    public async Task<WebhookDto> Handle(GetWebhookQuery request, CancellationToken cancellationToken) =>
        mapper.Map<WebhookDto>(await db.WebhookSubscriptions.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", request.Id));
}
