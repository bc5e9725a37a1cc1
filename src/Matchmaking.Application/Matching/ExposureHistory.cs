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
        // Each position's run is looked up by its key in a subquery PostgreSQL keeps per row, never turned into a join: the
        // read follows the contenders' own positions (ix_matches_exposed_positions), whatever a cached generic plan guesses
        // for the arrays' sizes.
        var positions = await db.Matches
            .Where(m => m.Rank <= ExposureRanking.ExposedPositions && m.Kind == MatchKind.Single && m.SupplierId != null && ids.Contains(m.SupplierId.Value))
            .Where(m => db.MatchRuns.Where(r => r.Id == m.RunId).Select(r => r.CreatedAt >= since && r.Families.Any(f => familyList.Contains(f))).FirstOrDefault())
            .Select(m => new { SupplierId = m.SupplierId!.Value, m.Rank })
            .ToListAsync(cancellationToken);
        return positions.GroupBy(p => p.SupplierId).ToDictionary(g => g.Key, g => g.Sum(p => ExposureRanking.PositionWeight(p.Rank)));
    }

    /// <summary>The family of a capability code: its first segment (<c>metal</c> for <c>metal.casting.iron</c>).</summary>
    public static string FamilyOf(string capabilityCode) => capabilityCode.Split('.')[0];
}
