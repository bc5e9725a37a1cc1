using Matchmaking.Domain.Reference;

namespace Matchmaking.Domain.Matching;

/// <summary>The pure score components. Each formula is stated so buyers can check a ranking by hand.</summary>
public static class Scoring
{
    /// <summary>Fit of an exact code; a descendant (more specialised than asked) fits slightly less.</summary>
    public const double ExactFit = 1.0;
    public const double DescendantFit = 0.85;

    /// <summary>Distance at which proximity halves (exponential decay).</summary>
    public const double ProximityHalfDistanceKm = 100;

    /// <summary>Track record prior for newcomers, and how many partnerships it weighs (Bayesian smoothing).</summary>
    public const double TrackRecordPrior = 0.5;
    public const double TrackRecordPriorWeight = 3;

    public const double DaysPerMonth = 30.4375;

    /// <summary>
    /// Mean over the needed codes of the best fit among the supplier's codes: 1 for the exact code,
    /// 0.85 for a descendant, 0 when not covered. Covering more of the need scores higher.
    /// </summary>
    public static double CapabilityFit(IReadOnlyCollection<string> neededCodes, IEnumerable<string> supplierCodes)
    {
        if (neededCodes.Count == 0)
        {
            return 1;
        }

        var codes = supplierCodes.ToList();
        return neededCodes.Average(needed =>
            codes.Contains(needed) ? ExactFit
            : codes.Any(code => Capability.IsSameOrDescendant(code, needed)) ? DescendantFit
            : 0);
    }

    /// <summary>Months of production from today until the need's date (at least zero).</summary>
    public static double MonthsUntil(DateOnly today, DateOnly neededBy) => Math.Max(0, neededBy.DayNumber - today.DayNumber) / DaysPerMonth;

    /// <summary>Monthly capacity × months until neededBy against the quantity, capped at 1.</summary>
    public static double Capacity(double monthlyCapacity, double months, double quantity) =>
        quantity <= 0 ? 1 : Math.Clamp(monthlyCapacity * months / quantity, 0, 1);

    /// <summary>exp(−ln2 · d / 100 km): 1 on site, 0.5 at 100 km, 0.25 at 200 km.</summary>
    public static double Proximity(double distanceKm) => Math.Exp(-Math.Log(2) * Math.Max(0, distanceKm) / ProximityHalfDistanceKm);

    /// <summary>
    /// Completed partnerships' mean rating (1..5 mapped to 0..1), smoothed toward a neutral 0.5 as if three
    /// average partnerships came first: a newcomer scores 0.5, one perfect job 0.625, ten perfect jobs 0.88.
    /// </summary>
    public static double TrackRecord(int completedCount, double averageRating)
    {
        var observed = completedCount == 0 ? 0 : Math.Clamp((averageRating - 1) / 4, 0, 1);
        return ((TrackRecordPrior * TrackRecordPriorWeight) + (observed * completedCount)) / (TrackRecordPriorWeight + completedCount);
    }

    /// <summary>TKDN share: 45.5% → 0.455; unknown counts as 0.</summary>
    public static double LocalContent(decimal? tkdnPercent) => tkdnPercent is { } tkdn ? Math.Clamp((double)tkdn / 100, 0, 1) : 0;
}
