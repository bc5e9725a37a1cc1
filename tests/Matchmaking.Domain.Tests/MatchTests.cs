using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Domain.Tests;

public sealed class MatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Someone = new(null, "test");
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static Match Single() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, MatchKind.Single, A, [], 80, new ScoreComponents(1, 1, 1, 1, 1), 10, []);

    private static Match Consortium() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, MatchKind.Consortium, null,
            [new ConsortiumMember(A, "A", 0.6), new ConsortiumMember(B, "B", 0.4)], 70, new ScoreComponents(1, 1, 1, 1, 1), 10, []);

    private static Match Invited(Match match)
    {
        match.Shortlist(Someone, null, Now);
        match.Invite(Someone, null, Now);
        return match;
    }

    [Fact]
    public void TheLifecycle_MovesOneStepAtATime_AndRecordsEachStep()
    {
        var match = Single();
        Assert.Throws<InvalidStateTransitionException>(() => match.Invite(Someone, null, Now));
        var shortlisted = match.Shortlist(Someone, "good", Now);
        Assert.Equal((MatchStatus.Suggested, MatchStatus.Shortlisted, "good"), (shortlisted.From, shortlisted.To, shortlisted.Note));
        match.Invite(Someone, null, Now);
        var accepted = match.Accept(A, Someone, null, Now)!;
        Assert.Equal(MatchStatus.Accepted, accepted.To);
        Assert.False(match.IsOpen);
        Assert.Contains("accepted", Assert.Throws<InvalidStateTransitionException>(() => match.Withdraw(Someone, null, Now)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheInvitedSupplierOrAMember_Answers()
    {
        var single = Invited(Single());
        Assert.Equal("supplierId", Assert.Throws<DomainRuleException>(() => single.Accept(B, Someone, null, Now)).Field);
        Assert.Equal("supplierId", Assert.Throws<DomainRuleException>(() => Invited(Consortium()).Decline(Guid.NewGuid(), Someone, null, Now)).Field);
        Assert.Throws<InvalidStateTransitionException>(() => Single().Accept(A, Someone, null, Now)); // not invited yet
    }

    [Fact]
    public void AConsortium_IsAcceptedByItsLastMember_AndDeclinedByAny()
    {
        var match = Invited(Consortium());
        var first = match.Accept(A, Someone, null, Now)!;
        Assert.Equal((MatchStatus.Invited, MatchStatus.Invited), (first.From, first.To));
        Assert.Throws<InvalidStateTransitionException>(() => match.Accept(A, Someone, null, Now));
        Assert.Equal(MatchStatus.Accepted, match.Accept(B, Someone, null, Now)!.To);

        var declined = Invited(Consortium());
        declined.Decline(B, Someone, "no capacity", Now);
        Assert.Equal(MatchStatus.Declined, declined.Status);
        Assert.Equal(MemberResponse.Declined, declined.Members.Single(m => m.SupplierId == B).Response);
    }

    [Fact]
    public void Withdraw_WorksFromEveryOpenState()
    {
        Assert.Equal(MatchStatus.Withdrawn, Single().Withdraw(Someone, null, Now).To);
        Assert.Equal(MatchStatus.Invited, Invited(Single()).Withdraw(Someone, null, Now).From);
    }
}
