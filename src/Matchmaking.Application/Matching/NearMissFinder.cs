using Matchmaking.Application.Common;
using Matchmaking.Application.Matching.ListNearMisses;
using Matchmaking.Application.Partnerships;
using Matchmaking.Domain.Facilities;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching;

/// <summary>A supplier that fails exactly one hard constraint, scored as if it met it.</summary>
public sealed record NearMiss(Supplier Supplier, Gap Gap, ScoredSupplier Scored, UpgradePathDto? UpgradePath);

/// <summary>
/// For each hard constraint of the need, the candidate query with that one constraint left out (indexed,
/// capped at <see cref="PoolPerConstraint"/> suppliers by id); each supplier found is checked in C# and
/// kept when it fails exactly one constraint. Best score first, ties by supplier id.
/// </summary>
public static class NearMissFinder
{
    public const int PoolPerConstraint = 100;

    /// <summary>How far a supplier may travel to a facility for it to count as an upgrade path.</summary>
    public const double FacilityReachKm = 150;

    public static async Task<List<NearMiss>> FindAsync(IApplicationDbContext db, Need need, DateOnly today, CancellationToken cancellationToken)
    {
        var pool = new Dictionary<Guid, Supplier>();
        foreach (var relaxation in Relaxation.AllFor(need))
        {
            var found = await CandidateQuery.For(db, need, relaxation).OrderBy(s => s.Id).Take(PoolPerConstraint)
                .AsSplitQuery().ToListAsync(cancellationToken);
            found.ForEach(s => pool.TryAdd(s.Id, s));
        }

        if (pool.Count == 0)
        {
            return [];
        }

        var facilities = await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var records = await Reputation.TrackRecordsAsync(db, pool.Keys.ToList(), cancellationToken);
        return pool.Values
            .Select(s => (Supplier: s, Gaps: HardConstraints.Evaluate(need, s, s.Location.DistanceKmTo(need.DeliveryLocation), today)))
            .Where(x => x.Gaps.Count == 1)
            .Select(x => new NearMiss(
                x.Supplier, x.Gaps[0],
                MatchScorer.Score(need, x.Supplier, today, records.GetValueOrDefault(x.Supplier.Id, TrackRecordFigures.None)),
                UpgradePath(x.Gaps[0], x.Supplier, facilities)))
            .OrderByDescending(x => x.Scored.Score).ThenBy(x => x.Supplier.Id)
            .ToList();
    }

    /// <summary>The nearest facility within reach that provides the missing capability (or a descendant) or certification route.</summary>
    public static UpgradePathDto? UpgradePath(Gap gap, Supplier supplier, IEnumerable<Facility> facilities)
    {
        Func<Facility, bool>? provides = gap.Kind switch
        {
            GapKind.Capability => f => f.CapabilityCodes.Any(code => Capability.IsSameOrDescendant(code, gap.Subject!)),
            GapKind.Certification => f => f.CertificationSchemes.Any(s => s.ToString().Equals(gap.Subject, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
        if (provides is null)
        {
            return null;
        }

        return facilities.Where(provides)
            .Select(f => (Facility: f, Km: supplier.Location.DistanceKmTo(f.Location)))
            .Where(x => x.Km <= FacilityReachKm)
            .OrderBy(x => x.Km).ThenBy(x => x.Facility.Id)
            .Select(x => new UpgradePathDto(x.Facility.Id, x.Facility.Name, x.Facility.Operator, Math.Round(x.Km, 1), gap.Subject!))
            .FirstOrDefault();
    }
}
