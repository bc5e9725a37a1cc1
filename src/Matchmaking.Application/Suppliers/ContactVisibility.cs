using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers;

/// <summary>
/// Contact details are personal data (UU 27/2022): admin, the supplier itself, and a buyer with whom the
/// supplier has a partnership (it accepted that buyer's invitation) see them. Everyone else gets the
/// profile without <c>contact</c>.
/// </summary>
public static class ContactVisibility
{
    public static async Task<SupplierDto> ForCallerAsync(IApplicationDbContext db, ICurrentUser user, SupplierDto supplier, CancellationToken cancellationToken) =>
        (await ForCallerAsync(db, user, [supplier], cancellationToken))[0];

    public static async Task<List<SupplierDto>> ForCallerAsync(
        IApplicationDbContext db, ICurrentUser user, IReadOnlyList<SupplierDto> suppliers, CancellationToken cancellationToken)
    {
        if (user.IsAdmin)
        {
            return [.. suppliers];
        }

        var visible = new HashSet<Guid>();
        if (user.Role == Role.Supplier && user.OrganizationId is { } self)
        {
            visible.Add(self);
        }
        else if (user.Role == Role.Buyer && user.OrganizationId is { } buyerId)
        {
            var ids = suppliers.Select(s => s.Id).ToList();
            var partners = await db.Partnerships.AsNoTracking().Where(p => p.BuyerId == buyerId)
                .SelectMany(p => p.Members.Select(m => m.SupplierId))
                .Where(id => ids.Contains(id))
                .Distinct()
                .ToListAsync(cancellationToken);
            visible.UnionWith(partners);
        }

        return suppliers.Select(s => visible.Contains(s.Id) ? s : s with { Contact = null }).ToList();
    }
}
