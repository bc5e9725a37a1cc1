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

/// <summary>A supplier that fails exactly one hard constraint, scored as the matcher scores everyone.</summary>
public sealed record NearMiss(Supplier Supplier, Gap Gap, ScoredSupplier Scored, UpgradePathDto? UpgradePath);

/// <summary>
/// Turns the near misses the ranking found (<see cref="ICandidateRanker"/>: every supplier within near-miss reach
/// failing exactly one constraint, best score first, ties by the need's hashed tie-break) into named gaps with
/// upgrade paths. Only the suppliers kept are read.
/// </summary>
public static class NearMissFinder
{
    /// <summary>How far a supplier may travel to a facility for it to count as an upgrade path.</summary>
    public const double FacilityReachKm = 150;

    /// <summary>The best <paramref name="count"/> of the ranking, in merit order.</summary>
    public static List<RankedSupplier> Best(Need need, IEnumerable<RankedSupplier> ranked, int count) =>
        ExposureRanking.MeritOrder(ranked, need.Id, r => r.SupplierId, r => r.Score).Take(count).ToList();

    public static async Task<List<NearMiss>> DescribeAsync(
        IApplicationDbContext db, Need need, IReadOnlyList<RankedSupplier> nearMisses, DateOnly today, CancellationToken cancellationToken)
    {
        if (nearMisses.Count == 0)
        {
            return [];
        }

        var ids = nearMisses.Select(n => n.SupplierId).ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).AsSplitQuery().ToDictionaryAsync(s => s.Id, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var records = await Reputation.TrackRecordsAsync(db, ids, cancellationToken);
        return Describe(need, nearMisses, suppliers, records, facilities, today);
    }

    /// <summary>The same, over suppliers and track records already read (a match run reads them once for all it keeps).</summary>
    public static List<NearMiss> Describe(
        Need need, IReadOnlyList<RankedSupplier> nearMisses, IReadOnlyDictionary<Guid, Supplier> suppliers,
        IReadOnlyDictionary<Guid, TrackRecordFigures> records, IReadOnlyList<Facility> facilities, DateOnly today)
    {
        var described = new List<NearMiss>(nearMisses.Count);
        foreach (var id in nearMisses.Select(n => n.SupplierId))
        {
            // A supplier changed or removed since the ranking read it is left out rather than described wrongly.
            if (!suppliers.TryGetValue(id, out var supplier))
            {
                continue;
            }

            var gaps = HardConstraints.Evaluate(need, supplier, supplier.Location.DistanceKmTo(need.DeliveryLocation), today);
            if (gaps.Count == 1)
            {
                described.Add(new NearMiss(supplier, gaps[0],
                    MatchScorer.Score(need, supplier, today, records.GetValueOrDefault(id, TrackRecordFigures.None)),
                    UpgradePath(gaps[0], supplier, facilities)));
            }
        }

        return described;
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
