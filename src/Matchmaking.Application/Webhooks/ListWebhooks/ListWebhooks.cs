using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Webhooks.ListWebhooks;

public sealed record ListWebhooksQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<WebhookDto>>, IPagedQuery;

public sealed class ListWebhooksQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListWebhooksQuery, PagedList<WebhookDto>>
{
    public async Task<PagedList<WebhookDto>> Handle(ListWebhooksQuery request, CancellationToken cancellationToken)
    {
        return await db.WebhookSubscriptions.AsNoTracking().VisibleTo(user).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)

            .ProjectTo<WebhookDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}
