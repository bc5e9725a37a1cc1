using Matchmaking.Domain.Common;

namespace Matchmaking.Domain.Matching;

/// <summary>One ranked proposal of a run: a single supplier, or a consortium whose members share the quantity.</summary>
public sealed class Match : IVersioned
{
    private Match()
    {
        Components = new ScoreComponents(0, 0, 0, 0, 0);
        Reasons = [];
        Members = new List<ConsortiumMember>(); // EF adds the stored members to it
    }

    public Match(Guid id, Guid runId, Guid needId, int rank, MatchKind kind, Guid? supplierId, IEnumerable<ConsortiumMember> members,
        double score, ScoreComponents components, double distanceKm, IEnumerable<string> reasons, double? exposure = null)
    {
        Exposure = exposure;
        Id = id;
        RunId = runId;
        NeedId = needId;
        Rank = rank;
        Kind = kind;
        SupplierId = supplierId;
        Members = members.ToList();
        Score = score;
        Components = components;
        DistanceKm = distanceKm;
        Reasons = reasons.ToList();
        Status = MatchStatus.Suggested;
    }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid NeedId { get; private set; }
    public int Rank { get; private set; }
    public MatchKind Kind { get; private set; }
    public Guid? SupplierId { get; private set; }
    public IReadOnlyList<ConsortiumMember> Members { get; private set; }
    public double Score { get; private set; }
    public ScoreComponents Components { get; private set; }
    public double DistanceKm { get; private set; }
    public IReadOnlyList<string> Reasons { get; private set; }

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
        return new MatchTransition(Guid.CreateVersion7(), Id, from, to, actor, note, now);
    }

    private InvalidStateTransitionException Illegal(string action) =>
        new($"Cannot {action} a match that is {Status.ToString().ToLowerInvariant()}.");
}
