using FluentValidation;
using Matchmaking.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Common.Validation;

/// <summary>Implemented by every list query: <c>page</c> from 1, <c>pageSize</c> 1..200.</summary>
public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

public static class PageValidation
{
    public static void AddPageRules<T>(this AbstractValidator<T> validator)
        where T : IPagedQuery
    {
        validator.RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"'page' must be between 1 and {Paging.MaxPage}.");
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize)
            .WithMessage($"'pageSize' must be between 1 and {Paging.MaxPageSize}.");
    }

    /// <summary>Counts the filtered query, then reads one page of it (the query must already be ordered).</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, paging.Page, paging.PageSize, total);
    }
}
