
using Matchmaking.Domain.Common;

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

    public List<string> Families { get; private set; } = [];

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
        double score, ScoreComponents components, double distanceKm, List<string> reasons, double? exposure = null)
    {
        Exposure = exposure;
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

    /// <summary>The supplier's exposure (position-weighted top-10 appearances in the window) that the ranking used.</summary>
    public double? Exposure { get; private set; }

    public MatchStatus Status { get; private set; }

    /// <summary>Bumped by every transition; two concurrent transitions cannot both commit.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status is MatchStatus.Suggested or MatchStatus.Shortlisted or MatchStatus.Invited;

    /// <summary>The suppliers who must answer an invitation: the single supplier, or every member.</summary>
    public IEnumerable<Guid> SupplierIds => Kind == MatchKind.Single ? [SupplierId!.Value] : Members.Select(m => m.SupplierId);

    public MatchTransition Shortlist(Actor actor, string? note, DateTimeOffset now) => Move(MatchStatus.Suggested, MatchStatus.Shortlisted, actor, note, now);

    public MatchTransition Invite(Actor actor, string? note, DateTimeOffset now) => Move(MatchStatus.Shortlisted, MatchStatus.Invited, actor, note, now);

    public MatchTransition Withdraw(Actor actor, string? note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw Illegal("withdraw");
        }

        return Move(Status, MatchStatus.Withdrawn, actor, note, now);
    }

    /// <summary>
    /// A supplier accepts. A consortium is accepted when its last member accepts; until then the match stays
    /// invited and the member's answer is recorded. Returns the transition, or null while members are pending.
    /// </summary>
    public MatchTransition? Accept(Guid supplierId, Actor actor, string? note, DateTimeOffset now)
    {
        EnsureInvitedMember(supplierId, "accept");
        if (Kind == MatchKind.Single)
        {
            return Move(MatchStatus.Invited, MatchStatus.Accepted, actor, note, now);
        }

        Members = Members.Select(m => m.SupplierId == supplierId ? m with { Response = MemberResponse.Accepted } : m).ToList();
        Version++;
        return Members.All(m => m.Response == MemberResponse.Accepted)
            ? Move(MatchStatus.Invited, MatchStatus.Accepted, actor, note, now)
            : new MatchTransition(Guid.CreateVersion7(), Id, Status, Status, actor, $"Member {supplierId} accepted. {note}".Trim(), now);
    }

    /// <summary>A supplier declines; one member's decline declines a consortium.</summary>
    public MatchTransition Decline(Guid supplierId, Actor actor, string? note, DateTimeOffset now)
    {
        EnsureInvitedMember(supplierId, "decline");
        if (Kind == MatchKind.Consortium)
        {
            Members = Members.Select(m => m.SupplierId == supplierId ? m with { Response = MemberResponse.Declined } : m).ToList();
        }

        return Move(MatchStatus.Invited, MatchStatus.Declined, actor, note, now);
    }

    private void EnsureInvitedMember(Guid supplierId, string action)
    {
        if (!SupplierIds.Contains(supplierId))
        {
            throw new DomainRuleException("supplierId", $"Supplier {supplierId} is not the invited supplier or a member of this consortium.");
        }

        if (Status != MatchStatus.Invited)
        {
            throw Illegal(action);
        }

        if (Kind == MatchKind.Consortium && Members.Single(m => m.SupplierId == supplierId).Response == MemberResponse.Accepted)
        {
            throw new InvalidStateTransitionException($"Supplier {supplierId} has already accepted this consortium invitation.");
        }
    }

    private MatchTransition Move(MatchStatus from, MatchStatus to, Actor actor, string? note, DateTimeOffset now)
    {
        if (Status != from)
        {
            throw Illegal(to switch
            {
                MatchStatus.Shortlisted => "shortlist",
                MatchStatus.Invited => "invite",
                MatchStatus.Accepted => "accept",
                MatchStatus.Declined => "decline",
                _ => "withdraw",
            });
        }

        Status = to;
        Version++;
        return new MatchTransition(Guid.CreateVersion7(), Id, from, to, actor, note, now);
    }

    private InvalidStateTransitionException Illegal(string action) =>
        new($"Cannot {action} a match that is {Status.ToString().ToLowerInvariant()}.");
}

/// <summary>Who did something: the API key and its role.</summary>
public sealed record Actor(Guid? KeyId, string? Role);

/// <summary>A recorded step of a match's life: who moved it from which state to which, when, and why.</summary>
public sealed class MatchTransition
{
    private MatchTransition()
    {
    }

    public MatchTransition(Guid id, Guid matchId, MatchStatus from, MatchStatus to, Actor actor, string? note, DateTimeOffset at)
    {
        Id = id;
        MatchId = matchId;
        From = from;
        To = to;
        KeyId = actor.KeyId;
        Role = actor.Role;
        Note = note;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid MatchId { get; private set; }
    public MatchStatus From { get; private set; }
    public MatchStatus To { get; private set; }
    public Guid? KeyId { get; private set; }
    public string? Role { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public enum MemberResponse
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>A consortium member and the share of the quantity it delivers (0..0.7).</summary>
public sealed record ConsortiumMember(Guid SupplierId, string Name, double Share, MemberResponse Response = MemberResponse.Pending);
