using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Domain.Tests;

public sealed class PartnershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);
    private static readonly Actor Someone = new(null, "test");
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Pln = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private static Need NeedWorth(long? value) => new(Guid.NewGuid(), Pln, new NeedProfile(
        "Brackets", null, ["metal.fabrication"], 100, "pcs", new DateOnly(2027, 3, 31), "33", new GeoPoint(-6.99, 110.42),
        value, [], null, null, false, true, new ScoringWeights(1, 1, 1, 1, 1)), Now);

    private static Match Accepted(Need need, bool consortium = false)
    {
        var match = consortium
            ? new Match(Guid.NewGuid(), Guid.NewGuid(), need.Id, 1, MatchKind.Consortium, null,
                [new ConsortiumMember(A, "A", 0.6), new ConsortiumMember(B, "B", 0.4)], 70, new ScoreComponents(1, 1, 1, 1, 1), 10, [])
            : new Match(Guid.NewGuid(), Guid.NewGuid(), need.Id, 1, MatchKind.Single, A, [], 80, new ScoreComponents(1, 1, 1, 1, 1), 10, []);
        match.Shortlist(Someone, null, Now);
        match.Invite(Someone, null, Now);
        match.Accept(A, Someone, null, Now);
        if (consortium)
        {
            match.Accept(B, Someone, null, Now);
        }

        return match;
    }

    [Fact]
    public void AnAcceptedSingleMatch_BecomesAPartnershipOfItsSupplier_ForTheNeedsBuyerAndValue()
    {
        var need = NeedWorth(2_400_000_000);
        var match = Accepted(need);

        var partnership = Partnership.FromAcceptedMatch(match, need, Now);

        Assert.Equal((match.Id, need.Id, Pln, 2_400_000_000L, new DateOnly(2026, 12, 1)),
            (partnership.MatchId, partnership.NeedId, partnership.BuyerId, partnership.AgreedValueIdr!.Value, partnership.StartDate));
        Assert.Equal([new PartnershipMember(A, 1.0)], partnership.Members);
        Assert.Equal(PartnershipStatus.Active, partnership.Status);
        Assert.Equal(Now, partnership.CreatedAt);
    }

    [Fact]
    public void AnAcceptedConsortium_BecomesAPartnershipOfEveryMemberWithItsShare()
    {
        var need = NeedWorth(null);
        var match = Accepted(need, consortium: true);
        Assert.Equal(MatchStatus.Accepted, match.Status);

        var partnership = Partnership.FromAcceptedMatch(match, need, Now);

        Assert.Equal([new PartnershipMember(A, 0.6), new PartnershipMember(B, 0.4)], partnership.Members);
        Assert.Null(partnership.AgreedValueIdr);
    }

    [Fact]
    public void OnlyAnAcceptedMatchOfThatNeed_BecomesAPartnership()
    {
        var need = NeedWorth(1_000);
        var invited = new Match(Guid.NewGuid(), Guid.NewGuid(), need.Id, 1, MatchKind.Single, A, [], 80, new ScoreComponents(1, 1, 1, 1, 1), 10, []);
        invited.Shortlist(Someone, null, Now);
        invited.Invite(Someone, null, Now);

        Assert.Contains("invited", Assert.Throws<InvalidStateTransitionException>(() => Partnership.FromAcceptedMatch(invited, need, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Partnership.FromAcceptedMatch(Accepted(need), NeedWorth(1_000), Now));
    }

    [Fact]
    public void Completion_TakesRatingsOneToFive_Once()
    {
        var need = NeedWorth(1_000);
        var partnership = Partnership.FromAcceptedMatch(Accepted(need), need, Now);

        Assert.Equal("qualityRating", Assert.Throws<DomainRuleException>(() => partnership.Complete(0, 3, Now)).Field);
        Assert.Equal("qualityRating", Assert.Throws<DomainRuleException>(() => partnership.Complete(6, 3, Now)).Field);
        Assert.Equal("onTimeRating", Assert.Throws<DomainRuleException>(() => partnership.Complete(3, 0, Now)).Field);
        Assert.Equal("onTimeRating", Assert.Throws<DomainRuleException>(() => partnership.Complete(3, 6, Now)).Field);
        Assert.Equal(PartnershipStatus.Active, partnership.Status);

        partnership.Complete(5, 1, Now.AddDays(30));

        Assert.Equal((PartnershipStatus.Completed, 5, 1, Now.AddDays(30)), (partnership.Status, partnership.QualityRating, partnership.OnTimeRating, partnership.CompletedAt));
        Assert.Throws<InvalidStateTransitionException>(() => partnership.Complete(5, 5, Now));
    }

    [Fact]
    public void APayment_IsRecordedOnce_OnOrAfterTheStart_AndGivesTheDaysToPay()
    {
        var need = NeedWorth(1_000);
        var partnership = Partnership.FromAcceptedMatch(Accepted(need), need, Now);
        var start = partnership.StartDate;

        var early = Assert.Throws<DomainRuleException>(() => partnership.RecordPayment(start.AddDays(-1), start.AddDays(5)));
        Assert.Equal("invoicedOn", early.Field);
        Assert.Contains("before the partnership started (2026-12-01)", early.Message, StringComparison.Ordinal);
        Assert.Equal("paidOn", Assert.Throws<DomainRuleException>(() => partnership.RecordPayment(start.AddDays(3), start.AddDays(2))).Field);
        Assert.Null(partnership.DaysToPay);

        partnership.RecordPayment(start, start.AddDays(45));

        Assert.Equal((start, start.AddDays(45), 45), (partnership.InvoicedOn!.Value, partnership.PaidOn!.Value, partnership.DaysToPay!.Value));
        Assert.Contains("paid on 2027-01-15", Assert.Throws<InvalidStateTransitionException>(() => partnership.RecordPayment(start, start)).Message, StringComparison.Ordinal);
        Assert.Equal(45, partnership.DaysToPay);
    }

    [Fact]
    public void PaidTheDayItWasInvoiced_IsZeroDaysToPay()
    {
        var need = NeedWorth(1_000);
        var partnership = Partnership.FromAcceptedMatch(Accepted(need, consortium: true), need, Now);

        partnership.RecordPayment(partnership.StartDate, partnership.StartDate);

        Assert.Equal(0, partnership.DaysToPay);
        Assert.True(partnership.HasMember(B));
        Assert.False(partnership.HasMember(Pln));
    }
}
