using Matchmaking.Domain.Matching;

namespace Matchmaking.Application.Matching;

/// <summary>
/// Stores a match run with its matches and near misses in one transaction (the request's, when it has one).
/// A run writes up to 300 matches and 200 near misses, which the change tracker would insert row by row.
/// </summary>
public interface IMatchRunWriter
{
    Task WriteAsync(MatchRun run, IReadOnlyList<Match> matches, IReadOnlyList<NearMissRecord> nearMisses, CancellationToken cancellationToken);
}
