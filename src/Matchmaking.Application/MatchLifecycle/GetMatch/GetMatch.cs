using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Matching;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.MatchLifecycle.GetMatch;

public sealed record GetMatchQuery(Guid Id) : IQuery<MatchDto>;

public sealed class GetMatchQueryHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetMatchQuery, MatchDto>
{
    public async Task<MatchDto> Handle(GetMatchQuery request, CancellationToken cancellationToken)
    {
        var found = await MatchDtoFactory.ProjectAsync(db, db.Matches.AsNoTracking().VisibleTo(db, user).Where(m => m.Id == request.Id), cancellationToken);
        return found.SingleOrDefault() ?? throw new NotFoundException("Match", request.Id);
    }
}
