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
    : ILagTolerantQuery<PagedList<MatchDto>>, IPagedQuery;

public sealed class ListMatchesQueryHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListMatchesQuery, PagedList<MatchDto>>
{
    public async Task<PagedList<MatchDto>> Handle(ListMatchesQuery request, CancellationToken cancellationToken)
    {
        // One round trip finds the run (the requested one, or the latest) of a need the caller may see.
        var run = await VisibleRuns.Of(db, user, request.NeedId, request.RunId)
            .Select(r => new { r.Id, r.MatchCount })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            if (!await db.Needs.VisibleTo(user).AnyAsync(n => n.Id == request.NeedId, cancellationToken))
            {
                throw new NotFoundException("Need", request.NeedId);
            }

            if (request.RunId is not null)
            {
                throw new NotFoundException("Match run", request.RunId);
            }

            return new PagedList<MatchDto>([], request.Page, request.PageSize, 0);
        }

        var query = db.Matches.AsNoTracking().Where(m => m.RunId == run.Id);
        var filtered = false;
        if (request.MinScore is { } minScore)
        {
            query = query.Where(m => m.Score >= minScore);
            filtered = true;
        }

        if (RuleExtensions.ParseWireEnumOrNull<MatchKind>(request.Kind) is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
            filtered = true;
        }

        // A run's stored match count is its total; only filters need a count query.
        var total = filtered ? await query.CountAsync(cancellationToken) : run.MatchCount;
        var page = query.OrderBy(m => m.Rank).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize);
        return new PagedList<MatchDto>(await MatchDtoFactory.ProjectAsync(db, page, cancellationToken), request.Page, request.PageSize, total);
    }
}
