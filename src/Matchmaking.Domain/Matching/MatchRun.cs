namespace Matchmaking.Domain.Matching;

/// <summary>A persisted ranking of suppliers for one need at one moment: same data, same ranking.</summary>
public sealed class MatchRun(Guid id, Guid needId, DateTimeOffset createdAt, int candidatesConsidered, int matchCount)
{
    public Guid Id { get; private set; } = id;
    public Guid NeedId { get; private set; } = needId;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    /// <summary>Suppliers that passed the hard constraints in PostgreSQL.</summary>
    public int CandidatesConsidered { get; private set; } = candidatesConsidered;

    public int MatchCount { get; private set; } = matchCount;

    /// <summary>
    /// Bumped by the database whenever a match of this run changes status (a trigger, so no code path can
    /// forget it): the version of every page of the run, for ETags and the page cache.
    /// </summary>
    public int StatusVersion { get; private set; }

    /// <summary>What the run ranked with, so it reads back the same: the mode, the tolerance and the capability families whose exposure counted.</summary>
    public RankingMode Ranking { get; private set; }

    public double Tolerance { get; private set; }

    public IReadOnlyList<string> Families { get; private set; } = [];

    /// <summary>Mean merit score of the stored top 10, and what strict merit order would have given (the cost of balancing).</summary>
    public double? MeanTop10Score { get; private set; }

    public double? StrictMeanTop10Score { get; private set; }

    public void RecordRanking(RankingMode ranking, double tolerance, IEnumerable<string> families, double? meanTop10Score, double? strictMeanTop10Score)
    {
        Ranking = ranking;
        Tolerance = tolerance;
        Families = families.ToList();
        MeanTop10Score = meanTop10Score;
        StrictMeanTop10Score = strictMeanTop10Score;
    }
}
