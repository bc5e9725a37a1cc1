using Matchmaking.Domain.Common;
using Matchmaking.Domain.Financing;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Domain.Tests;

public sealed class FinancingRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Actor Someone = new(null, "test");
    private static readonly Guid Supplier = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Partner = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid BankA = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid BankB = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    private static Partnership PartnershipOf(long? value = 1_000_000_000, double share = 1.0) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            share == 1.0 ? [new PartnershipMember(Supplier, 1.0)] : [new PartnershipMember(Supplier, share), new PartnershipMember(Partner, 1 - share)],
            value, Today, Now);

    private static FinancingRequest Open(long amount = 500_000_000, Guid[]? financiers = null, Partnership? partnership = null) =>
        FinancingRequest.Open(Guid.NewGuid(), partnership ?? PartnershipOf(), Supplier, amount, FinancingPurpose.PurchaseOrder, 90, financiers ?? [],
            FinancingRequest.DefaultMaxShare, Someone, Now);

    [Theory]
    [InlineData(800_000_000, true)]
    [InlineData(800_000_001, false)]
    [InlineData(0, false)]
    public void Amount_IsCappedAtTheShareOfTheAgreedValue(long amount, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(FinancingStatus.Requested, Open(amount).Status);
        }
        else
        {
            Assert.Equal("amountIdr", Assert.Throws<DomainRuleException>(() => Open(amount)).Field);
        }
    }

    [Fact]
    public void Cap_FollowsTheSuppliersShareOfAConsortium() =>
        Assert.Throws<DomainRuleException>(() => Open(400_000_001, partnership: PartnershipOf(share: 0.5))); // 80% of half of 1 bn = 400 m

    [Fact]
    public void OnlyActivePartnershipsWithAValueAndTheSupplierAsMember_CanBeFinanced()
    {
        var completed = PartnershipOf();
        completed.Complete(5, 5, Now);
        Assert.Throws<InvalidStateTransitionException>(() => Open(partnership: completed));
        Assert.Equal("partnershipId", Assert.Throws<DomainRuleException>(() => Open(partnership: PartnershipOf(value: null))).Field);
        var others = new Partnership(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [new PartnershipMember(Partner, 1)], 1_000_000_000, Today, Now);
        Assert.Equal("partnershipId", Assert.Throws<DomainRuleException>(() => Open(partnership: others)).Field);
    }

    [Fact]
    public void Consent_DecidesWhichFinanciersSeeTheRequest()
    {
        Assert.True(Open().IsVisibleTo(BankB)); // no list: every financier
        var named = Open(financiers: [BankA]);
        Assert.True(named.IsVisibleTo(BankA));
        Assert.False(named.IsVisibleTo(BankB));
        Assert.Throws<InvalidOperationException>(() => named.MakeOffer(Guid.NewGuid(), BankB, 1, 10, 0, 30, Someone, Now));
    }

    [Fact]
    public void Acceptance_LapsesTheOtherOffers_AndOnlyTheLenderDisburses()
    {
        var request = Open();
        request.Confirm(1_000_000_000, Today.AddDays(30), Someone, Now);
        var a = request.MakeOffer(Guid.NewGuid(), BankA, 500_000_000, 12, 5_000_000, 90, Someone, Now);
        var b = request.MakeOffer(Guid.NewGuid(), BankB, 450_000_000, 9.5, 0, 90, Someone, Now);

        request.AcceptOffer(b.Id, Someone, Now);

        Assert.Equal((OfferStatus.Lapsed, OfferStatus.Accepted), (a.Status, b.Status));
        Assert.Equal(FinancingStatus.Accepted, request.Status);
        Assert.Throws<InvalidStateTransitionException>(() => request.AcceptOffer(a.Id, Someone, Now));
        Assert.Throws<InvalidStateTransitionException>(() => request.Disburse(BankA, Today, Someone, Now));
        request.Disburse(BankB, Today, Someone, Now);
        Assert.Equal(FinancingStatus.Disbursed, request.Status);
    }

    [Fact]
    public void Repayment_RecordsLatenessAgainstTheConfirmedDate()
    {
        var request = Open();
        request.Confirm(1_000_000_000, Today.AddDays(10), Someone, Now);
        var offer = request.MakeOffer(Guid.NewGuid(), BankA, 500_000_000, 12, 0, 90, Someone, Now);
        request.AcceptOffer(offer.Id, Someone, Now);
        Assert.Throws<InvalidStateTransitionException>(() => request.Repaid(Today, Someone, Now));
        request.Disburse(BankA, Today, Someone, Now);

        request.Repaid(Today.AddDays(17), Someone, Now);

        Assert.Equal(FinancingStatus.Repaid, request.Status);
        Assert.Equal(7, request.DaysLate);
        Assert.Equal(
            [FinancingStatus.Requested, FinancingStatus.Confirmed, FinancingStatus.Confirmed, FinancingStatus.Accepted, FinancingStatus.Disbursed, FinancingStatus.Repaid],
            request.History.Select(h => h.To));
    }

    [Theory]
    [InlineData(1_000_000_000, 12.0, 5_000_000, 90, 34_589_041)] // 29,589,041.10 interest
    [InlineData(900_000_000, 9.5, 2_000_000, 90, 23_082_192)] // 21,082,191.78 interest
    [InlineData(100_000_000, 0.0, 1_000_000, 30, 1_000_000)]
    public void TotalCost_IsSimpleInterestActual365PlusFees(long amount, double rate, long fees, int tenor, long expected)
    {
        var request = Open(amount: 1_500_000_000, partnership: PartnershipOf(value: 2_000_000_000));
        Assert.Equal(expected, request.MakeOffer(Guid.NewGuid(), BankA, amount, rate, fees, tenor, Someone, Now).TotalCostIdr);
    }

    [Fact]
    public void Offers_AreBoundedAndOnePerFinancier()
    {
        var request = Open(amount: 100_000_000);
        Assert.Equal("amountIdr", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 100_000_001, 10, 0, 30, Someone, Now)).Field);
        Assert.Equal("annualRatePercent", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 101, 0, 30, Someone, Now)).Field);
        Assert.Equal("feesIdr", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 10, -1, 30, Someone, Now)).Field);
        Assert.Equal("tenorDays", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 10, 0, 0, Someone, Now)).Field);
        request.MakeOffer(Guid.NewGuid(), BankA, 1, 10, 0, 30, Someone, Now);
        Assert.Throws<InvalidStateTransitionException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 10, 0, 30, Someone, Now));
    }

    [Fact]
    public void ADisputedRequest_TakesNoConfirmationOrOffer()
    {
        var request = Open();
        request.Dispute("Scope changed", Someone, Now);
        Assert.Equal("Scope changed", request.DisputeReason);
        var refused = Assert.Throws<InvalidStateTransitionException>(() => request.Confirm(1, Today, Someone, Now));
        Assert.Contains("disputed", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidStateTransitionException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 10, 0, 30, Someone, Now));
        Assert.Equal("expectedPaymentDate", Assert.Throws<DomainRuleException>(() => Open().Confirm(1, Today.AddDays(-1), Someone, Now)).Field);
    }
}
