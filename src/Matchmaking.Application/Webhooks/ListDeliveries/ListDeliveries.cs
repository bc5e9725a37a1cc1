using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.ListDeliveries;

/// <summary>A subscription's deliveries, newest first, each with every attempt.</summary>
public sealed record ListDeliveriesQuery(Guid WebhookId, string? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<WebhookDeliveryDto>>, IPagedQuery;

public sealed class ListDeliveriesQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user)
    : IRequestHandler<ListDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async Task<PagedList<WebhookDeliveryDto>> Handle(ListDeliveriesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.VisibleTo(user).AnyAsync(s => s.Id == request.WebhookId, cancellationToken))
        {
            throw new NotFoundException("Webhook", request.WebhookId);
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == request.WebhookId);
        if (RuleExtensions.ParseWireEnumOrNull<DeliveryStatus>(request.Status) is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        return await query.OrderByDescending(d => d.EventPosition).ThenByDescending(d => d.Id).Include(d => d.AttemptLog)

            .ProjectTo<WebhookDeliveryDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}
