using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching.GetMatchRun;

public sealed record GetMatchRunQuery(Guid NeedId, Guid RunId) : IQuery<MatchRunDto>;

public sealed class GetMatchRunQueryHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetMatchRunQuery, MatchRunDto>
{
    public async Task<MatchRunDto> Handle(GetMatchRunQuery request, CancellationToken cancellationToken)
    {
        var visible = db.Needs.VisibleTo(user).Where(n => n.Id == request.NeedId).Select(n => n.Id);
        return await db.MatchRuns.AsNoTracking()
            .Where(r => r.Id == request.RunId && visible.Contains(r.NeedId))
            .Select(r => new MatchRunDto(r.Id, r.NeedId, r.CreatedAt, r.CandidatesConsidered, r.MatchCount))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Match run", request.RunId);
    }
}
