using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Needs.ListNeeds;

/// <param name="Capability">Needs asking for this code or a descendant of it.</param>
public sealed record ListNeedsQuery(
    Guid? BuyerId = null, string? Status = null, string? ProvinceCode = null, string? Capability = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<NeedDto>>, IPagedQuery;

public sealed class ListNeedsQueryHandler(IApplicationDbContext db, IMapper mapper, ICurrentUser user) : IRequestHandler<ListNeedsQuery, PagedList<NeedDto>>
{
    public async Task<PagedList<NeedDto>> Handle(ListNeedsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Needs.AsNoTracking().VisibleTo(user);
        if (request.BuyerId is { } buyerId)
        {
            query = query.Where(n => n.BuyerId == buyerId);
        }

        if (RuleExtensions.ParseWireEnumOrNull<NeedStatus>(request.Status) is { } status)
        {
            query = query.Where(n => n.Status == status);
        }

        if (request.ProvinceCode is { Length: > 0 } province)
        {
            query = query.Where(n => n.DeliveryProvinceCode == province);
        }

        if (request.Capability is { Length: > 0 } capability)
        {
            var descendants = capability + ".%";
            query = query.Where(n => n.CapabilityCodes.Any(c => c == capability || EF.Functions.Like(c, descendants)));
        }

        return await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .ProjectTo<NeedDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}
