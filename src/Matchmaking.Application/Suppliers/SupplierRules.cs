using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers;

internal static class SupplierRules
{
    /// <summary>A clear 409 before the insert; the unique index still guards the race.</summary>
    public static async Task EnsureNibIsFreeAsync(IApplicationDbContext db, string nib, Guid? exceptId, CancellationToken cancellationToken)
    {
        var taken = await db.Suppliers.AnyAsync(s => s.Nib == nib && s.Id != exceptId, cancellationToken);
        if (taken)
        {
            throw new ConflictException($"A supplier with NIB {nib} is already registered.", "nib");
        }
    }
}
