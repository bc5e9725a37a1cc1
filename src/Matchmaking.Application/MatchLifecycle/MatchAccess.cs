using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Application.MatchLifecycle;

/// <summary>
/// Who sees a match: admin and analysts all; a buyer those of its own needs; a supplier those it was
/// invited to (alone or as a consortium member). Anything else is filtered out, so it answers 404.
/// </summary>
public static class MatchAccess
{
    public static IQueryable<Match> VisibleTo(this IQueryable<Match> matches, IApplicationDbContext db, ICurrentUser user)
    {
        var organization = user.OrganizationId;
        return user.Role switch
        {
            Role.Buyer => matches.Where(m => db.Needs.Any(n => n.Id == m.NeedId && n.BuyerId == organization)),
            Role.Supplier => matches.Where(m =>
                (m.Status == MatchStatus.Invited || m.Status == MatchStatus.Accepted || m.Status == MatchStatus.Declined)
                && (m.SupplierId == organization || m.Members.Any(x => x.SupplierId == organization))),
            Role.Admin or Role.Analyst => matches,
            _ => matches.Where(_ => false), // deny by default: a role added later sees nothing until a case says otherwise
        };
    }

    /// <summary>Only a supplier answers an invitation, in its own name (the match then checks it was invited).</summary>
    public static Guid AnsweringSupplier(ICurrentUser user) =>
        user is { Role: Role.Supplier, OrganizationId: { } supplier }
            ? supplier
            : throw new ForbiddenException("Only the invited supplier (or a consortium member) answers an invitation.");
}
