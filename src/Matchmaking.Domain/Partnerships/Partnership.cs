using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;

namespace Matchmaking.Domain.Partnerships;

public enum PartnershipStatus
{
    Active,
    Completed,
}

/// <summary>What an accepted match becomes: the buyer, the need, the supplier(s) with their shares, value and dates.</summary>
public sealed class Partnership : IVersioned
{
    private List<PartnershipMember> _members = [];

    private Partnership()
    {
    }

    /// <summary>Only <see cref="FromAcceptedMatch"/> (and the domain's own tests) make one.</summary>
    internal Partnership(Guid id, Guid matchId, Guid needId, Guid buyerId, IEnumerable<PartnershipMember> members, long? agreedValueIdr, DateOnly startDate, DateTimeOffset now)
    {
        Id = id;
        MatchId = matchId;
        NeedId = needId;
        BuyerId = buyerId;
        _members = [.. members];
        AgreedValueIdr = agreedValueIdr;
        StartDate = startDate;
        Status = PartnershipStatus.Active;
        CreatedAt = now;
    }

    /// <summary>
    /// What an accepted match becomes: the need's buyer and estimated value, the match's supplier (share 1)
    /// or its consortium members with their shares, starting on the day of acceptance.
    /// </summary>
    public static Partnership FromAcceptedMatch(Match match, Need need, DateTimeOffset now)
    {
        if (match.Status != MatchStatus.Accepted)
        {
            throw new InvalidStateTransitionException(
                $"The match is {match.Status.ToString().ToLowerInvariant()}; only an accepted match becomes a partnership.");
        }

        if (match.NeedId != need.Id)
        {
            throw new ArgumentException("The match answers another need.", nameof(need));
        }

        var members = match.Kind == MatchKind.Single
            ? [new PartnershipMember(match.SupplierId!.Value, 1.0)]
            : match.Members.Select(m => new PartnershipMember(m.SupplierId, m.Share)).ToList();
        return new Partnership(Guid.CreateVersion7(now), match.Id, need.Id, need.BuyerId, members, need.EstimatedValueIdr,
            DateOnly.FromDateTime(now.UtcDateTime), now);
    }

    public Guid Id { get; private set; }
    public Guid MatchId { get; private set; }
    public Guid NeedId { get; private set; }
    public Guid BuyerId { get; private set; }

    /// <summary>One member with share 1 for a single supplier; every consortium member otherwise.</summary>
    public IReadOnlyList<PartnershipMember> Members => _members;

    public long? AgreedValueIdr { get; private set; }
    public DateOnly StartDate { get; private set; }
    public PartnershipStatus Status { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int? QualityRating { get; private set; }
    public int? OnTimeRating { get; private set; }
    public DateOnly? InvoicedOn { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Days from invoice to payment, once paid: the buyer's days-to-pay record.</summary>
    public int? DaysToPay => PaidOn is { } paid && InvoicedOn is { } invoiced ? paid.DayNumber - invoiced.DayNumber : null;

    public void Complete(int qualityRating, int onTimeRating, DateTimeOffset now)
    {
        if (Status == PartnershipStatus.Completed)
        {
            throw new InvalidStateTransitionException("The partnership is already completed.");
        }

        if (qualityRating is < 1 or > 5)
        {
            throw new DomainRuleException("qualityRating", "Ratings are 1..5.");
        }

        if (onTimeRating is < 1 or > 5)
        {
            throw new DomainRuleException("onTimeRating", "Ratings are 1..5.");
        }

        Status = PartnershipStatus.Completed;
        QualityRating = qualityRating;
        OnTimeRating = onTimeRating;
        CompletedAt = now;
    }

    public void RecordPayment(DateOnly invoicedOn, DateOnly paidOn)
    {
        if (PaidOn is not null)
        {
            throw new InvalidStateTransitionException($"Payment was already recorded (paid on {PaidOn:yyyy-MM-dd}).");
        }

        if (invoicedOn < StartDate)
        {
            throw new DomainRuleException("invoicedOn", $"'invoicedOn' cannot be before the partnership started ({StartDate:yyyy-MM-dd}).");
        }

        if (paidOn < invoicedOn)
        {
            throw new DomainRuleException("paidOn", "'paidOn' cannot be before 'invoicedOn'.");
        }

        InvoicedOn = invoicedOn;
        PaidOn = paidOn;
    }

    public bool HasMember(Guid supplierId) => _members.Any(m => m.SupplierId == supplierId);
}

public sealed record PartnershipMember(Guid SupplierId, double Share);
