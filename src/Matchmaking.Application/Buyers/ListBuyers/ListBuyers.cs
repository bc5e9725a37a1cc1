using AutoMapper;
using AutoMapper.QueryableExtensions;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Buyers.ListBuyers;

public sealed record ListBuyersQuery(string? Type = null, string? ProvinceCode = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<BuyerDto>>, IPagedQuery;

public sealed class ListBuyersQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<ListBuyersQuery, PagedList<BuyerDto>>
{
    public async Task<PagedList<BuyerDto>> Handle(ListBuyersQuery request, CancellationToken cancellationToken)
    {
        var query = db.Buyers.AsNoTracking();
        var type = RuleExtensions.ParseWireEnumOrNull<BuyerType>(request.Type);
        if (type is { } wantedType)
        {
            query = query.Where(b => b.Type == wantedType);
        }

        if (request.ProvinceCode is { Length: > 0 } province)
        {
            query = query.Where(b => b.ProvinceCode == province);
        }

        return await query.OrderBy(b => b.Name).ThenBy(b => b.Id)
            .ProjectTo<BuyerDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}
