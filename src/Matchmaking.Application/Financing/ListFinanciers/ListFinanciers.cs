using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.ListFinanciers;

/// <summary>Registered financiers, by name: suppliers choose from them whom to show a request.</summary>
public sealed record ListFinanciersQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<FinancierDto>>, IPagedQuery;

public sealed class ListFinanciersQueryHandler(IMapper mapper, IApplicationDbContext db) : IRequestHandler<ListFinanciersQuery, PagedList<FinancierDto>>
{
    public async Task<PagedList<FinancierDto>> Handle(ListFinanciersQuery request, CancellationToken cancellationToken)
    {
        return await db.Financiers.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Id)
            .ProjectTo<FinancierDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}

public sealed class ListFinanciersQueryValidator : FluentValidation.AbstractValidator<ListFinanciersQuery>
{
    public ListFinanciersQueryValidator() => this.AddPageRules();
}
