using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Matching;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.MatchLifecycle.GetMatchHistory;

public sealed record MatchTransitionDto(MatchStatus From, MatchStatus To, Guid? KeyId, string? Role, string? Note, DateTimeOffset At);

public sealed record GetMatchHistoryQuery(Guid MatchId) : IQuery<IReadOnlyList<MatchTransitionDto>>;

public sealed class GetMatchHistoryQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IRequestHandler<GetMatchHistoryQuery, IReadOnlyList<MatchTransitionDto>>
{
    public async Task<IReadOnlyList<MatchTransitionDto>> Handle(GetMatchHistoryQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Matches.VisibleTo(db, user).AnyAsync(m => m.Id == request.MatchId, cancellationToken))
        {
            throw new NotFoundException("Match", request.MatchId);
        }

        return await db.MatchTransitions.AsNoTracking().Where(t => t.MatchId == request.MatchId)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new MatchTransitionDto(t.From, t.To, t.KeyId, t.Role, t.Note, t.At))
            .ToListAsync(cancellationToken);
    }
}
