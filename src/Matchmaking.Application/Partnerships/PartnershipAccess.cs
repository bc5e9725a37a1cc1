using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Application.Partnerships;

/// <summary>Admin and analysts see all partnerships; a buyer its own; a supplier those it is a member of. Others: 404.</summary>
public static class PartnershipAccess
{
    public static IQueryable<Partnership> VisibleTo(this IQueryable<Partnership> partnerships, ICurrentUser user)
    {
        var organization = user.OrganizationId;
        return user.Role switch
        {
            Role.Buyer => partnerships.Where(p => p.BuyerId == organization),
            Role.Supplier => partnerships.Where(p => p.Members.Any(m => m.SupplierId == organization)),
            Role.Admin or Role.Analyst => partnerships,
            _ => partnerships.Where(_ => false), // deny by default
        };
    }
}
