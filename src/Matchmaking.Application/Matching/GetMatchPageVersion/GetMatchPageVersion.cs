using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching.GetMatchPageVersion;

/// <summary>The run a match page reads (the requested one, or the latest) and its status version.</summary>
public sealed record MatchPageVersion(Guid RunId, int StatusVersion);

/// <summary>
/// One indexed lookup that tells whether a cached or client-held page of matches is still current: a run's
/// ranking never changes once stored, only its matches' statuses, and each status change bumps the version.
/// Null when the need has no run yet.
/// </summary>
public sealed record GetMatchPageVersionQuery(Guid NeedId, Guid? RunId) : ILagTolerantQuery<MatchPageVersion?>;

public sealed class GetMatchPageVersionQueryHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetMatchPageVersionQuery, MatchPageVersion?>
{
    public async Task<MatchPageVersion?> Handle(GetMatchPageVersionQuery request, CancellationToken cancellationToken)
    {
        var run = await VisibleRuns.Of(db, user, request.NeedId, request.RunId)
            .Select(r => new MatchPageVersion(r.Id, r.StatusVersion))
            .FirstOrDefaultAsync(cancellationToken);
        if (run is not null)
        {
            return run;
        }

        if (!await db.Needs.VisibleTo(user).AnyAsync(n => n.Id == request.NeedId, cancellationToken))
        {
            throw new NotFoundException("Need", request.NeedId);
        }

        return request.RunId is null ? null : throw new NotFoundException("Match run", request.RunId);
    }
}
