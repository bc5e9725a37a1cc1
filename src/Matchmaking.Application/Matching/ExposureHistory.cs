using Matchmaking.Application.Common;
using Matchmaking.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching;

/// <summary>
/// Exposure a supplier already had: its top-10 positions in runs of the same capability families within the
/// window, each weighted by the attention its position gets. Stored matches are the record, so nothing is
/// counted twice and nothing extra is written per run.
/// </summary>
public static class ExposureHistory
{
    public static async Task<Dictionary<Guid, double>> ForAsync(
        IApplicationDbContext db, IReadOnlyCollection<Guid> supplierIds, IReadOnlyCollection<string> families, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        if (supplierIds.Count == 0)
        {
            return [];
        }

        var ids = supplierIds.ToList();
        var familyList = families.ToList();
        var positions = await db.Matches
            .Where(m => m.Rank <= ExposureRanking.ExposedPositions && m.Kind == MatchKind.Single && m.SupplierId != null && ids.Contains(m.SupplierId.Value))
            .Join(db.MatchRuns.Where(r => r.CreatedAt >= since && r.Families.Any(f => familyList.Contains(f))),
                m => m.RunId, r => r.Id, (m, r) => new { SupplierId = m.SupplierId!.Value, m.Rank })
            .ToListAsync(cancellationToken);
        return positions.GroupBy(p => p.SupplierId).ToDictionary(g => g.Key, g => g.Sum(p => ExposureRanking.PositionWeight(p.Rank)));
    }

    /// <summary>The family of a capability code: its first segment (<c>metal</c> for <c>metal.casting.iron</c>).</summary>
    public static string FamilyOf(string capabilityCode) => capabilityCode.Split('.')[0];
}
