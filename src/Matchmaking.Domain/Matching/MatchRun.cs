
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
}

public enum MatchKind
{
    Single,
    Consortium,
}

public enum MatchStatus
{
    Suggested,
    Shortlisted,
    Invited,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>One ranked proposal of a run: a single supplier, or a consortium whose members share the quantity.</summary>
public sealed class Match
{
    private Match()
    {
        Components = new ScoreComponents(0, 0, 0, 0, 0);
        Reasons = [];
        Members = [];
    }

    public Match(Guid id, Guid runId, Guid needId, int rank, MatchKind kind, Guid? supplierId, List<ConsortiumMember> members,
        double score, ScoreComponents components, double distanceKm, List<string> reasons)
    {
        Id = id;
        RunId = runId;
        NeedId = needId;
        Rank = rank;
        Kind = kind;
        SupplierId = supplierId;
        Members = members;
        Score = score;
        Components = components;
        DistanceKm = distanceKm;
        Reasons = reasons;
        Status = MatchStatus.Suggested;
    }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid NeedId { get; private set; }
    public int Rank { get; private set; }
    public MatchKind Kind { get; private set; }
    public Guid? SupplierId { get; private set; }
    public List<ConsortiumMember> Members { get; private set; }
    public double Score { get; private set; }
    public ScoreComponents Components { get; private set; }
    public double DistanceKm { get; private set; }
    public List<string> Reasons { get; private set; }
    public MatchStatus Status { get; private set; }
}

/// <summary>A consortium member and the share of the quantity it delivers (0..0.7).</summary>
public sealed record ConsortiumMember(Guid SupplierId, string Name, double Share);
