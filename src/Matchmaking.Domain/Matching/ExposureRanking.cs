using System.Security.Cryptography;

namespace Matchmaking.Domain.Matching;

/// <summary>How a run orders suppliers of near-equal merit.</summary>
public enum RankingMode
{
    /// <summary>Within the tolerance, the least exposed supplier first (fairness of exposure).</summary>
    Balanced,

    /// <summary>Merit order only; equal scores by the hashed tie-break.</summary>
    Strict,
}

/// <summary>
/// Fair exposure (Singh &amp; Joachims 2018; Biega et al. 2018): near-equal merit should get near-equal
/// attention over time. Merit is sorted first; suppliers whose scores lie within <c>tolerance</c> of the best
/// score of their band are ordered by the exposure they already had, least first; what is still equal is
/// ordered by a hash of (need, supplier): reproducible for a need, favouring nobody across needs (ids are
/// UUIDv7, so ordering by id would favour the oldest registrations).
/// </summary>
public static class ExposureRanking
{
    public const double DefaultTolerance = 2.0;
    public const double MaxTolerance = 20.0;
    public const int ExposedPositions = 10;
    public const int DefaultWindowDays = 180;

    /// <summary>Attention a position gets: 1 at the top, 0.63 second, 0.5 third … (DCG's discount).</summary>
    public static double PositionWeight(int rank) => 1.0 / Math.Log2(1 + rank);

    public static ulong TieBreak(Guid needId, Guid supplierId)
    {
        Span<byte> input = stackalloc byte[32];
        needId.TryWriteBytes(input[..16]);
        supplierId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BitConverter.ToUInt64(hash);
    }

    /// <summary>
    /// Orders entries for a need. Returns them in ranked order, each with whether it was lifted above its
    /// merit position (balanced mode only). Exposure is only consulted within a band.
    /// </summary>
    public static List<(T Item, bool Lifted)> Order<T>(
        IEnumerable<T> entries, Guid needId, Func<T, Guid> supplierId, Func<T, double> score, Func<T, double> exposure,
        RankingMode mode, double tolerance)
    {
        var merit = MeritOrder(entries, needId, supplierId, score);
        if (mode == RankingMode.Strict || tolerance <= 0)
        {
            return merit.Select(e => (e, false)).ToList();
        }

        var ranked = new List<(T, bool)>(merit.Count);
        var bandStart = 0;
        while (bandStart < merit.Count)
        {
            var top = score(merit[bandStart]);
            var bandEnd = bandStart;
            while (bandEnd < merit.Count && top - score(merit[bandEnd]) <= tolerance)
            {
                bandEnd++;
            }

            var band = merit.GetRange(bandStart, bandEnd - bandStart);
            var meritPosition = band.Select((e, i) => (e, i)).ToDictionary(x => supplierId(x.e), x => x.i);
            var balanced = band.OrderBy(exposure).ThenBy(e => TieBreak(needId, supplierId(e))).ToList();
            ranked.AddRange(balanced.Select((e, i) => (e, i < meritPosition[supplierId(e)])));
            bandStart = bandEnd;
        }

        return ranked;
    }

    /// <summary>Merit order: score, best first; equal scores by the hashed tie-break of (need, supplier).</summary>
    public static List<T> MeritOrder<T>(IEnumerable<T> entries, Guid needId, Func<T, Guid> supplierId, Func<T, double> score) =>
        entries.OrderByDescending(score).ThenBy(e => TieBreak(needId, supplierId(e))).ToList();

    /// <summary>The index one past the last entry whose band starts before <paramref name="count"/>: all that can reach the top <paramref name="count"/>.</summary>
    public static int ReachOfTop<T>(IReadOnlyList<T> meritSorted, Func<T, double> score, int count, double tolerance)
    {
        var bandStart = 0;
        while (bandStart < meritSorted.Count && bandStart < count)
        {
            var top = score(meritSorted[bandStart]);
            var bandEnd = bandStart;
            while (bandEnd < meritSorted.Count && top - score(meritSorted[bandEnd]) <= tolerance)
            {
                bandEnd++;
            }

            bandStart = bandEnd;
        }

        return bandStart;
    }
}
