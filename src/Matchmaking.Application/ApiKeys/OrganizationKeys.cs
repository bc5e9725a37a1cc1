using Matchmaking.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.ApiKeys;

/// <summary>
/// When a buyer is deleted or a supplier deactivated, its keys are revoked in the same SaveChanges, so
/// they stop working with the next request.
/// </summary>
public static class OrganizationKeys
{
    public static async Task RevokeAllAsync(IApplicationDbContext db, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.Where(k => k.OrganizationId == organizationId && k.RevokedAt == null).ToListAsync(cancellationToken);
        keys.ForEach(k => k.Revoke(now));
    }
}
