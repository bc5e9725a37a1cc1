using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Needs;
using Matchmaking.Domain.Matching;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching.ListMatches;

/// <param name="RunId">Omitted: the latest run of the need.</param>
/// <param name="Kind">single or consortium.</param>
public sealed record ListMatchesQuery(Guid NeedId, Guid? RunId = null, double? MinScore = null, string? Kind = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IRequest<PagedList<MatchDto>>, IPagedQuery;

public sealed class ListMatchesQueryHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListMatchesQuery, PagedList<MatchDto>>
{
    public async Task<PagedList<MatchDto>> Handle(ListMatchesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Needs.VisibleTo(user).AnyAsync(n => n.Id == request.NeedId, cancellationToken))
        {
            throw new NotFoundException("Need", request.NeedId);
        }

        var runId = request.RunId ?? await db.MatchRuns.Where(r => r.NeedId == request.NeedId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (runId is null || !await db.MatchRuns.AnyAsync(r => r.Id == runId && r.NeedId == request.NeedId, cancellationToken))
        {
            if (request.RunId is not null)
            {
                throw new NotFoundException("Match run", request.RunId);
            }

            return new PagedList<MatchDto>([], request.Page, request.PageSize, 0);
        }

        var query = db.Matches.AsNoTracking().Where(m => m.RunId == runId);
        if (request.MinScore is { } minScore)
        {
            query = query.Where(m => m.Score >= minScore);
        }

        if (RuleExtensions.ParseWireEnumOrNull<MatchKind>(request.Kind) is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        var page = await query.OrderBy(m => m.Rank).ToPageAsync(request, cancellationToken);
        var items = await MatchDtoFactory.ToDtosAsync(db, page.Items, cancellationToken);
        return new PagedList<MatchDto>(items, page.Page, page.PageSize, page.TotalCount);
    }
}
