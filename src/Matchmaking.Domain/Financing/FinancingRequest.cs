using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Domain.Financing;

public enum FinancingPurpose
{
    /// <summary>Working capital to deliver the order.</summary>
    PurchaseOrder,

    /// <summary>Advance on the invoice once delivered.</summary>
    Invoice,
}

public enum FinancingStatus
{
    /// <summary>Asked for; the buyer has not confirmed the order yet (financiers see it as unconfirmed).</summary>
    Requested,
    Confirmed,
    Disputed,

    /// <summary>The supplier accepted an offer; the others lapsed.</summary>
    Accepted,
    Disbursed,
    Repaid,
}

public enum OfferStatus
{
    Open,
    Accepted,
    Lapsed,
}

/// <summary>
/// A supplier's request for financing against its partnership with a large buyer: the confirmed order is the
/// collateral. Requested → confirmed | disputed by the buyer; financiers it names (or all) offer; the supplier
/// accepts one (the others lapse); the financier disburses; repaid when the buyer pays. Every step is recorded.
/// </summary>
public sealed class FinancingRequest : IVersioned
{
    /// <summary>Share of the partnership's agreed value that may be asked for, unless configured otherwise.</summary>
    public const double DefaultMaxShare = 0.8;

    private readonly List<FinancingOffer> _offers = [];
    private readonly List<FinancingStep> _history = [];

    private FinancingRequest()
    {
        FinancierIds = [];
    }

    public Guid Id { get; private set; }
    public Guid PartnershipId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid BuyerId { get; private set; }
    public long AmountIdr { get; private set; }
    public FinancingPurpose Purpose { get; private set; }
    public int TenorDays { get; private set; }

    /// <summary>The financiers the supplier lets see the request (its consent); empty: every registered financier.</summary>
    public IReadOnlyList<Guid> FinancierIds { get; private set; }

    public FinancingStatus Status { get; private set; }
    public long? ConfirmedValueIdr { get; private set; }
    public DateOnly? ExpectedPaymentDate { get; private set; }
    public string? DisputeReason { get; private set; }
    public Guid? AcceptedOfferId { get; private set; }
    public DateOnly? DisbursedOn { get; private set; }
    public DateOnly? RepaidOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Bumped by every change: two concurrent acceptances cannot both commit.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<FinancingOffer> Offers => _offers;
    public IReadOnlyList<FinancingStep> History => _history;

    /// <summary>Days the buyer paid after the date it confirmed; null until repaid or without a confirmed date.</summary>
    public int? DaysLate => RepaidOn is { } repaid && ExpectedPaymentDate is { } expected ? Math.Max(0, repaid.DayNumber - expected.DayNumber) : null;

    public bool IsVisibleTo(Guid financierId) => FinancierIds.Count == 0 || FinancierIds.Contains(financierId);

    public static FinancingRequest Open(Guid id, Partnership partnership, Guid supplierId, long amountIdr, FinancingPurpose purpose, int tenorDays,
        IEnumerable<Guid> financierIds, double maxShare, Actor actor, DateTimeOffset now)
    {
        if (partnership.Status != PartnershipStatus.Active)
        {
            throw new InvalidStateTransitionException("Only an active partnership can be financed.");
        }

        if (partnership.Members.All(m => m.SupplierId != supplierId))
        {
            throw new DomainRuleException("partnershipId", "The supplier is not a member of this partnership.");
        }

        if (partnership.AgreedValueIdr is not { } agreed)
        {
            throw new DomainRuleException("partnershipId", "The partnership has no agreed value to finance against.");
        }

        var cap = (long)Math.Floor(agreed * maxShare * partnership.Members.Single(m => m.SupplierId == supplierId).Share);
        if (amountIdr <= 0 || amountIdr > cap)
        {
            throw new DomainRuleException("amountIdr", $"At most {maxShare:P0} of the supplier's share of the agreed value may be financed: {cap} IDR.");
        }

        if (tenorDays is < 1 or > 720)
        {
            throw new DomainRuleException("tenorDays", "The tenor is 1..720 days.");
        }

        var request = new FinancingRequest
        {
            Id = id,
            PartnershipId = partnership.Id,
            SupplierId = supplierId,
            BuyerId = partnership.BuyerId,
            AmountIdr = amountIdr,
            Purpose = purpose,
            TenorDays = tenorDays,
            FinancierIds = financierIds.Distinct().ToArray(),
            Status = FinancingStatus.Requested,
            CreatedAt = now,
        };
        request.Record(FinancingStatus.Requested, FinancingStatus.Requested, actor, "requested", now);
        return request;
    }

    /// <summary>The buyer confirms the order's value and when it expects to pay.</summary>
    public void Confirm(long valueIdr, DateOnly expectedPaymentDate, Actor actor, DateTimeOffset now)
    {
        Require(FinancingStatus.Requested, "confirm");
        if (valueIdr <= 0)
        {
            throw new DomainRuleException("confirmedValueIdr", "The confirmed value must be positive.");
        }

        if (expectedPaymentDate < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("expectedPaymentDate", "The expected payment date cannot be in the past.");
        }

        ConfirmedValueIdr = valueIdr;
        ExpectedPaymentDate = expectedPaymentDate;
        Move(FinancingStatus.Confirmed, actor, "confirmed", now);
    }

    public void Dispute(string reason, Actor actor, DateTimeOffset now)
    {
        Require(FinancingStatus.Requested, "dispute");
        DisputeReason = reason;
        Move(FinancingStatus.Disputed, actor, reason, now);
    }

    /// <summary>A permitted financier offers; one open offer per financier, never more than was asked for.</summary>
    public FinancingOffer MakeOffer(Guid offerId, Guid financierId, long amountIdr, double annualRatePercent, long feesIdr, int tenorDays, Actor actor, DateTimeOffset now)
    {
        if (Status is not (FinancingStatus.Requested or FinancingStatus.Confirmed))
        {
            throw Illegal("offer on");
        }

        if (!IsVisibleTo(financierId))
        {
            throw new InvalidOperationException("The financier may not see this request.");
        }

        if (_offers.Any(o => o.FinancierId == financierId && o.Status == OfferStatus.Open))
        {
            throw new InvalidStateTransitionException("This financier already has an open offer on the request.");
        }

        if (amountIdr <= 0 || amountIdr > AmountIdr)
        {
            throw new DomainRuleException("amountIdr", $"An offer is for 1..{AmountIdr} IDR (what was asked for).");
        }

        if (annualRatePercent is < 0 or > 100 || double.IsNaN(annualRatePercent))
        {
            throw new DomainRuleException("annualRatePercent", "The annual rate is 0..100 percent.");
        }

        if (feesIdr < 0)
        {
            throw new DomainRuleException("feesIdr", "Fees cannot be negative.");
        }

        if (tenorDays is < 1 or > 720)
        {
            throw new DomainRuleException("tenorDays", "The tenor is 1..720 days.");
        }

        var offer = new FinancingOffer(offerId, Id, financierId, amountIdr, annualRatePercent, feesIdr, tenorDays, now);
        _offers.Add(offer);
        _history.Add(new FinancingStep(Guid.CreateVersion7(now), Id, Status, Status, actor, $"offer {offerId} by financier {financierId}", now));
        return offer;
    }

    /// <summary>The supplier takes one offer; every other open offer lapses.</summary>
    public FinancingOffer AcceptOffer(Guid offerId, Actor actor, DateTimeOffset now)
    {
        if (Status is not (FinancingStatus.Requested or FinancingStatus.Confirmed))
        {
            throw Illegal("accept an offer on");
        }

        var offer = _offers.SingleOrDefault(o => o.Id == offerId && o.Status == OfferStatus.Open)
            ?? throw new InvalidStateTransitionException($"Offer {offerId} is not open on this request.");
        foreach (var other in _offers)
        {
            other.Close(other == offer ? OfferStatus.Accepted : OfferStatus.Lapsed);
        }

        AcceptedOfferId = offer.Id;
        Move(FinancingStatus.Accepted, actor, $"accepted offer {offerId}", now);
        return offer;
    }

    /// <summary>The financier whose offer was accepted pays out.</summary>
    public void Disburse(Guid financierId, DateOnly on, Actor actor, DateTimeOffset now)
    {
        Require(FinancingStatus.Accepted, "disburse");
        if (AcceptedOffer!.FinancierId != financierId)
        {
            throw new InvalidStateTransitionException("Only the financier whose offer was accepted disburses.");
        }

        if (on > DateOnly.FromDateTime(now.UtcDateTime) || on < DateOnly.FromDateTime(CreatedAt.UtcDateTime))
        {
            throw new DomainRuleException("disbursedOn", "The disbursement date lies between the request and today.");
        }

        DisbursedOn = on;
        Move(FinancingStatus.Disbursed, actor, "disbursed", now);
    }

    /// <summary>The buyer paid the partnership's invoice: the financing is repaid from it.</summary>
    public void Repaid(DateOnly paidOn, Actor actor, DateTimeOffset now)
    {
        Require(FinancingStatus.Disbursed, "mark repaid");
        RepaidOn = paidOn;
        Move(FinancingStatus.Repaid, actor, "repaid from the buyer's payment", now);
    }

    public FinancingOffer? AcceptedOffer => _offers.SingleOrDefault(o => o.Id == AcceptedOfferId);

    private void Require(FinancingStatus status, string action)
    {
        if (Status != status)
        {
            throw Illegal(action);
        }
    }

    private void Move(FinancingStatus to, Actor actor, string? note, DateTimeOffset now)
    {
        Record(Status, to, actor, note, now);
        Status = to;
    }

    private void Record(FinancingStatus from, FinancingStatus to, Actor actor, string? note, DateTimeOffset now) =>
        _history.Add(new FinancingStep(Guid.CreateVersion7(now), Id, from, to, actor, note, now));

    private InvalidStateTransitionException Illegal(string action) =>
        new($"Cannot {action} a financing request that is {Status.ToString().ToLowerInvariant()}.");
}

/// <summary>A financier's price for the request: its total cost in rupiah is what the supplier compares.</summary>
public sealed class FinancingOffer
{
    private FinancingOffer()
    {
    }

    internal FinancingOffer(Guid id, Guid requestId, Guid financierId, long amountIdr, double annualRatePercent, long feesIdr, int tenorDays, DateTimeOffset now)
    {
        Id = id;
        RequestId = requestId;
        FinancierId = financierId;
        AmountIdr = amountIdr;
        AnnualRatePercent = annualRatePercent;
        FeesIdr = feesIdr;
        TenorDays = tenorDays;
        Status = OfferStatus.Open;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid FinancierId { get; private set; }
    public long AmountIdr { get; private set; }
    public double AnnualRatePercent { get; private set; }
    public long FeesIdr { get; private set; }
    public int TenorDays { get; private set; }
    public OfferStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Simple interest over the tenor (actual/365) plus fees, rounded to the rupiah.</summary>
    public long TotalCostIdr => (long)Math.Round(AmountIdr * (AnnualRatePercent / 100) * TenorDays / 365.0, MidpointRounding.AwayFromZero) + FeesIdr;

    internal void Close(OfferStatus status)
    {
        if (Status == OfferStatus.Open)
        {
            Status = status;
        }
    }
}

/// <summary>A recorded step of a request: who moved it from which state to which, when, and why.</summary>
public sealed class FinancingStep
{
    private FinancingStep()
    {
    }

    public FinancingStep(Guid id, Guid requestId, FinancingStatus from, FinancingStatus to, Actor actor, string? note, DateTimeOffset at)
    {
        Id = id;
        RequestId = requestId;
        From = from;
        To = to;
        KeyId = actor.KeyId;
        Role = actor.Role;
        Note = note;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public FinancingStatus From { get; private set; }
    public FinancingStatus To { get; private set; }
    public Guid? KeyId { get; private set; }
    public string? Role { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}
