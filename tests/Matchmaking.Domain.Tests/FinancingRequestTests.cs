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

    [Fact]
    public void Refusals_SayWhy()
    {
        var completed = PartnershipOf();
        completed.Complete(5, 5, Now);
        Assert.Equal("Only an active partnership can be financed.", Assert.Throws<InvalidStateTransitionException>(() => Open(partnership: completed)).Message);
        Assert.Equal("The supplier is not a member of this partnership.", Assert.Throws<DomainRuleException>(() =>
            FinancingRequest.Open(Guid.NewGuid(), PartnershipOf(), Partner, 1, FinancingPurpose.PurchaseOrder, 90, [], FinancingRequest.DefaultMaxShare, Someone, Now)).Message);
        Assert.Equal("The partnership has no agreed value to finance against.", Assert.Throws<DomainRuleException>(() => Open(partnership: PartnershipOf(value: null))).Message);
        Assert.Equal("At most 80% of the supplier's share of the agreed value may be financed: 800000000 IDR.",
            Assert.Throws<DomainRuleException>(() => Open(800_000_001)).Message.Replace("\u00a0", " ", StringComparison.Ordinal).Replace(" %", "%", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(720, true)]
    [InlineData(721, false)]
    public void Tenor_Is1To720Days_ForRequestsAndOffers(int tenor, bool allowed)
    {
        FinancingRequest OpenWith() => FinancingRequest.Open(Guid.NewGuid(), PartnershipOf(), Supplier, 500_000_000, FinancingPurpose.PurchaseOrder, tenor, [],
            FinancingRequest.DefaultMaxShare, Someone, Now);
        if (allowed)
        {
            Assert.Equal(tenor, OpenWith().TenorDays);
            Assert.Equal(tenor, Open().MakeOffer(Guid.NewGuid(), BankA, 1, 10, 0, tenor, Someone, Now).TenorDays);
        }
        else
        {
            Assert.Equal(("tenorDays", "The tenor is 1..720 days."), Assert.Throws<DomainRuleException>(OpenWith) is var e ? (e.Field, e.Message) : default);
            var offer = Assert.Throws<DomainRuleException>(() => Open().MakeOffer(Guid.NewGuid(), BankA, 1, 10, 0, tenor, Someone, Now));
            Assert.Equal(("tenorDays", "The tenor is 1..720 days."), (offer.Field, offer.Message));
        }
    }

    [Fact]
    public void Opening_RecordsTheRequestInItsHistory_AndKeepsItsTerms()
    {
        var request = FinancingRequest.Open(Guid.NewGuid(), PartnershipOf(), Supplier, 500_000_000, FinancingPurpose.PurchaseOrder, 90, [BankA, BankA],
            FinancingRequest.DefaultMaxShare, Someone, Now);

        Assert.Equal((FinancingStatus.Requested, FinancingStatus.Requested, "requested", Now), (request.History.Single().From, request.History.Single().To, request.History.Single().Note, request.History.Single().At));
        Assert.Equal([BankA], request.FinancierIds);
        Assert.Equal((500_000_000L, FinancingPurpose.PurchaseOrder, 90, Now), (request.AmountIdr, request.Purpose, request.TenorDays, request.CreatedAt));
    }

    [Fact]
    public void Confirmation_NeedsAPositiveValueAndADateFromToday()
    {
        Assert.Equal(("confirmedValueIdr", "The confirmed value must be positive."),
            Assert.Throws<DomainRuleException>(() => Open().Confirm(0, Today, Someone, Now)) is var zero ? (zero.Field, zero.Message) : default);
        Assert.Equal(("expectedPaymentDate", "The expected payment date cannot be in the past."),
            Assert.Throws<DomainRuleException>(() => Open().Confirm(1, Today.AddDays(-1), Someone, Now)) is var past ? (past.Field, past.Message) : default);

        var request = Open();
        request.Confirm(1, Today, Someone, Now);

        Assert.Equal((FinancingStatus.Confirmed, 1L, Today, "confirmed"), (request.Status, request.ConfirmedValueIdr!.Value, request.ExpectedPaymentDate!.Value, request.History[^1].Note));
        Assert.Equal("Cannot confirm a financing request that is confirmed.", Assert.Throws<InvalidStateTransitionException>(() => request.Confirm(1, Today, Someone, Now)).Message);
        Assert.Equal("Cannot dispute a financing request that is confirmed.", Assert.Throws<InvalidStateTransitionException>(() => request.Dispute("no", Someone, Now)).Message);
    }

    [Fact]
    public void AnOffer_IsBoundedByWhatWasAskedAndSaysSo()
    {
        var request = Open(amount: 500_000_000);

        Assert.Equal("An offer is for 1..500000000 IDR (what was asked for).", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 0, 10, 0, 90, Someone, Now)).Message);
        Assert.Equal("amountIdr", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 500_000_001, 10, 0, 90, Someone, Now)).Field);
        Assert.Equal("The annual rate is 0..100 percent.", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 100.01, 0, 90, Someone, Now)).Message);
        Assert.Equal("annualRatePercent", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, double.NaN, 0, 90, Someone, Now)).Field);
        Assert.Equal("Fees cannot be negative.", Assert.Throws<DomainRuleException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 10, -1, 90, Someone, Now)).Message);

        var offerId = Guid.NewGuid();
        request.MakeOffer(offerId, BankA, 500_000_000, 100, 0, 90, Someone, Now);

        Assert.Equal($"offer {offerId} by financier {BankA}", request.History[^1].Note);
        Assert.Equal("This financier already has an open offer on the request.",
            Assert.Throws<InvalidStateTransitionException>(() => request.MakeOffer(Guid.NewGuid(), BankA, 1, 0, 0, 90, Someone, Now)).Message);
        Assert.Equal("The financier may not see this request.",
            Assert.Throws<InvalidOperationException>(() => Open(financiers: [BankA]).MakeOffer(Guid.NewGuid(), BankB, 1, 0, 0, 90, Someone, Now)).Message);
    }

    [Fact]
    public void Acceptance_Disbursement_AndRepayment_AreEachRecordedOnce_InOrder()
    {
        var request = Open();
        Assert.Equal("Cannot disburse a financing request that is requested.", Assert.Throws<InvalidStateTransitionException>(() => request.Disburse(BankA, Today, Someone, Now)).Message);
        Assert.Equal("Cannot mark repaid a financing request that is requested.", Assert.Throws<InvalidStateTransitionException>(() => request.Repaid(Today, Someone, Now)).Message);
        var offer = request.MakeOffer(Guid.NewGuid(), BankA, 100, 10, 0, 90, Someone, Now);
        var unknown = Guid.NewGuid();
        Assert.Equal($"Offer {unknown} is not open on this request.", Assert.Throws<InvalidStateTransitionException>(() => request.AcceptOffer(unknown, Someone, Now)).Message);

        request.AcceptOffer(offer.Id, Someone, Now);

        Assert.Equal((FinancingStatus.Accepted, $"accepted offer {offer.Id}", offer), (request.Status, request.History[^1].Note, request.AcceptedOffer));
        Assert.Equal("Cannot accept an offer on a financing request that is accepted.", Assert.Throws<InvalidStateTransitionException>(() => request.AcceptOffer(offer.Id, Someone, Now)).Message);
        Assert.Equal("Cannot offer on a financing request that is accepted.", Assert.Throws<InvalidStateTransitionException>(() => request.MakeOffer(Guid.NewGuid(), BankB, 1, 0, 0, 90, Someone, Now)).Message);
        Assert.Equal("Only the financier whose offer was accepted disburses.", Assert.Throws<InvalidStateTransitionException>(() => request.Disburse(BankB, Today, Someone, Now)).Message);
        var later = Now.AddDays(3);
        Assert.Equal(("disbursedOn", "The disbursement date lies between the request and today."),
            Assert.Throws<DomainRuleException>(() => request.Disburse(BankA, Today.AddDays(4), Someone, later)) is var future ? (future.Field, future.Message) : default);
        Assert.Equal("disbursedOn", Assert.Throws<DomainRuleException>(() => request.Disburse(BankA, Today.AddDays(-1), Someone, later)).Field);

        request.Disburse(BankA, Today.AddDays(3), Someone, later);
        request.Repaid(Today.AddDays(40), Someone, later.AddDays(37));

        Assert.Equal((FinancingStatus.Repaid, Today.AddDays(3), Today.AddDays(40)), (request.Status, request.DisbursedOn!.Value, request.RepaidOn!.Value));
        Assert.Equal(["requested", $"offer {offer.Id} by financier {BankA}", $"accepted offer {offer.Id}", "disbursed", "repaid from the buyer's payment"],
            request.History.Select(h => h.Note));
    }
}
