using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Financing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.ListFinancingRequests;

public sealed record ListFinancingRequestsQuery(string? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<FinancingRequestDto>>, IPagedQuery;

public sealed class ListFinancingRequestsQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user)
    : IRequestHandler<ListFinancingRequestsQuery, PagedList<FinancingRequestDto>>
{
    public async Task<PagedList<FinancingRequestDto>> Handle(ListFinancingRequestsQuery request, CancellationToken cancellationToken)
    {
        var query = db.FinancingRequests.AsNoTracking().VisibleTo(user);
        if (RuleExtensions.ParseWireEnumOrNull<FinancingStatus>(request.Status) is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var page = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(request, cancellationToken);
        return new PagedList<FinancingRequestDto>(
            page.Items.Select(r => FinancingRequestDto.From(mapper, r, FinancingAccess.OffersVisibleTo(r, user))).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

public sealed class ListFinancingRequestsQueryValidator : FluentValidation.AbstractValidator<ListFinancingRequestsQuery>
{
    public ListFinancingRequestsQueryValidator()
    {
        this.AddPageRules();
        RuleFor(q => q.Status).OptionalWireEnum<ListFinancingRequestsQuery, FinancingStatus>();
    }
}
