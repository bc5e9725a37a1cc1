using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Financing;

namespace Matchmaking.Application.Financing;

/// <summary>
/// Who sees a financing request: admin all; the supplier its own; the buyer those on its partnerships; a
/// financier those the supplier named it on (or opened to all financiers). Anyone else: 404.
/// </summary>
public static class FinancingAccess
{
    public static IQueryable<FinancingRequest> VisibleTo(this IQueryable<FinancingRequest> requests, ICurrentUser user)
    {
        var organization = user.OrganizationId ?? Guid.Empty;
        return user.Role switch
        {
            Role.Admin => requests,
            Role.Supplier => requests.Where(r => r.SupplierId == organization),
            Role.Buyer => requests.Where(r => r.BuyerId == organization),
            Role.Financier => requests.Where(r => !r.FinancierIds.Any() || r.FinancierIds.Contains(organization)),
            _ => requests.Where(_ => false), // deny by default (analysts read the aggregates)
        };
    }

    /// <summary>Offers a caller sees: the supplier, its buyer and admin all of them; a financier only its own.</summary>
    public static IEnumerable<FinancingOffer> OffersVisibleTo(FinancingRequest request, ICurrentUser user) =>
        user.Role == Role.Financier ? request.Offers.Where(o => o.FinancierId == user.OrganizationId) : request.Offers;
}
