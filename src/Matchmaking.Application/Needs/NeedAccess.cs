using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Needs;

namespace Matchmaking.Application.Needs;

/// <summary>
/// Tenant isolation for needs: a buyer key sees only its own buyer's needs. Another buyer's need is
/// filtered out of the query, so it answers 404 exactly like a need that does not exist.
/// </summary>
public static class NeedAccess
{
    public static IQueryable<Need> VisibleTo(this IQueryable<Need> needs, ICurrentUser user) => user.Role switch
    {
        Role.Buyer => needs.Where(n => n.BuyerId == user.OrganizationId),
        Role.Admin or Role.Analyst => needs,
        _ => needs.Where(_ => false), // deny by default (suppliers see needs only as their own opportunities)
    };
}
