using Matchmaking.Domain.Needs;

namespace Matchmaking.Application.Matching;

/// <summary>
/// Ranks every active supplier against a need where the data is, in one pass: the hard constraints, the
/// score (the formulas of <see cref="Domain.Matching.Scoring"/>), and the best of the qualifying suppliers and
/// of the near misses (failing exactly one constraint, within <see cref="Domain.Matching.HardConstraints.WithinNearMissReach"/>).
/// Nothing proportional to the candidate count comes back.
/// </summary>
public interface ICandidateRanker
{
    /// <param name="matches">How many qualifying suppliers to return, best first; ties at the last score all come back.</param>
    /// <param name="nearMisses">How many near misses to return, best first; ties at the last score all come back.</param>
    Task<CandidateRanking> RankAsync(Need need, DateOnly today, int matches, int nearMisses, CancellationToken cancellationToken);
}

/// <summary>A supplier's score (0..100, one decimal) as the ranking computed it.</summary>
public sealed record RankedSupplier(Guid SupplierId, double Score);

/// <param name="Qualifying">Active suppliers meeting every hard constraint.</param>
/// <param name="NearMissCount">Suppliers failing exactly one, within near-miss reach, counted up to <see cref="NearMissCountLimit"/>.</param>
/// <param name="SomeoneDeliversAll">Whether a single qualifying supplier can deliver the whole quantity by the date.</param>
/// <param name="Matches">The best qualifying suppliers by score, unordered within equal scores.</param>
/// <param name="NearMisses">The best near misses by score, unordered within equal scores.</param>
/// <param name="Scans">How many passes over the suppliers the ranking took (more than one when a first guess proved too narrow).</param>
/// <param name="NarrowedToTheCode">
/// Whether the read was narrowed to the suppliers covering the need's one code (through an index): the near misses
/// lacking it are counted, and read apart only when they could rank.
/// </param>
public sealed record CandidateRanking(
    int Qualifying, int NearMissCount, bool SomeoneDeliversAll, IReadOnlyList<RankedSupplier> Matches, IReadOnlyList<RankedSupplier> NearMisses, int Scans = 1,
    bool NarrowedToTheCode = false)
{
    /// <summary>Near misses are counted up to this many: a list shows no more (and counting them all would read every one).</summary>
    public const int NearMissCountLimit = 1000;
}
