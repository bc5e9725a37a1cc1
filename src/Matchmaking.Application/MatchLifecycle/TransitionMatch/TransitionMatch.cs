using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Matching;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Partnerships;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.MatchLifecycle.TransitionMatch;

public enum MatchAction
{
    Shortlist,
    Invite,
    Withdraw,
    Accept,
    Decline,
}

/// <summary>Optional body of a transition.</summary>
public sealed record TransitionInput
{
    /// <summary>Why, for the match's history.</summary>
    public string? Note { get; init; }
}

/// <summary>The match after the transition, and the partnership an acceptance created.</summary>
public sealed record TransitionResultDto(MatchDto Match, Guid? PartnershipId);

public sealed record TransitionMatchCommand(Guid MatchId, MatchAction Action, string? Note) : IRequest<TransitionResultDto>;

/// <summary>
/// Moves a match through suggested → shortlisted → invited → accepted | declined (withdrawn from any open
/// state). Buyer actions need the match's need to be the caller's; supplier actions need the caller to be
/// the invited supplier or a consortium member. The match's version guards against two concurrent moves.
/// </summary>
public sealed class TransitionMatchCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<TransitionMatchCommand, TransitionResultDto>
{
    public async Task<TransitionResultDto> Handle(TransitionMatchCommand request, CancellationToken cancellationToken)
    {
        var match = await db.Matches.VisibleTo(db, user).FirstOrDefaultAsync(m => m.Id == request.MatchId, cancellationToken)
            ?? throw new NotFoundException("Match", request.MatchId);
        var actor = user.Actor;
        var now = clock.GetUtcNow();

        var transition = request.Action switch
        {
            MatchAction.Shortlist => match.Shortlist(actor, request.Note, now),
            MatchAction.Invite => match.Invite(actor, request.Note, now),
            MatchAction.Withdraw => match.Withdraw(actor, request.Note, now),
            MatchAction.Accept => match.Accept(MatchAccess.AnsweringSupplier(user), actor, request.Note, now),
            _ => match.Decline(MatchAccess.AnsweringSupplier(user), actor, request.Note, now),
        };
        if (transition is not null)
        {
            db.MatchTransitions.Add(transition);
        }

        Partnership? partnership = null;
        if (match.Status == MatchStatus.Accepted && request.Action == MatchAction.Accept)
        {
            var need = await db.Needs.AsNoTracking().FirstAsync(n => n.Id == match.NeedId, cancellationToken);
            partnership = Partnership.FromAcceptedMatch(match, need, now);
            db.Partnerships.Add(partnership);
        }

        await db.SaveChangesAsync(cancellationToken);
        var dto = (await MatchDtoFactory.ProjectAsync(db, db.Matches.AsNoTracking().Where(m => m.Id == match.Id), cancellationToken)).Single();
        return new TransitionResultDto(dto, partnership?.Id);
    }
}
