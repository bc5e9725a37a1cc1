using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.ApiKeys.ListApiKeys;

public sealed record ListApiKeysQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<ApiKeyDto>>, IPagedQuery;

public sealed class ListApiKeysQueryHandler(IApplicationDbContext db) : IRequestHandler<ListApiKeysQuery, PagedList<ApiKeyDto>>
{
    public Task<PagedList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Role, k.OrganizationId, k.Prefix, k.CreatedAt, k.RevokedAt))
            .ToPageAsync(request, cancellationToken);
}
