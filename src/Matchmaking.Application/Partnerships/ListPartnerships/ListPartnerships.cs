using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Partnerships;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Partnerships.ListPartnerships;

public sealed record ListPartnershipsQuery(Guid? BuyerId = null, Guid? SupplierId = null, string? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<PartnershipDto>>, IPagedQuery;

public sealed class ListPartnershipsQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListPartnershipsQuery, PagedList<PartnershipDto>>
{
    public async Task<PagedList<PartnershipDto>> Handle(ListPartnershipsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Partnerships.AsNoTracking().VisibleTo(user);
        if (request.BuyerId is { } buyerId)
        {
            query = query.Where(p => p.BuyerId == buyerId);
        }

        if (request.SupplierId is { } supplierId)
        {
            query = query.Where(p => p.Members.Any(m => m.SupplierId == supplierId));
        }

        if (RuleExtensions.ParseWireEnumOrNull<PartnershipStatus>(request.Status) is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        return await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .ProjectTo<PartnershipDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}
