using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
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

    /// <summary>Whose need is posted: a buyer key posts only for its own buyer; admin names the buyer.</summary>
    public static Guid PostingBuyer(ICurrentUser user, Guid? requested) => user.Role switch
    {
        Role.Buyer when requested is { } id && id != user.OrganizationId => throw new ForbiddenException("A buyer key posts needs only for its own buyer."),
        Role.Buyer => user.OrganizationId!.Value,
        Role.Admin => requested ?? throw new ValidationException("buyerId", "'buyerId' is required."),
        _ => throw new ForbiddenException("Only buyers and admin post needs."),
    };
}
