using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;

namespace Matchmaking.Application.Suppliers;

/// <summary>
/// Contact details are personal data (UU 27/2022): only admin and the supplier itself see them here.
/// Everyone else gets the profile without <c>contact</c>.
/// </summary>
public static class ContactVisibility
{
    public static SupplierDto ForCaller(SupplierDto supplier, ICurrentUser user) =>
        user.IsAdmin || user.Is(Role.Supplier, supplier.Id) ? supplier : supplier with { Contact = null };
}
