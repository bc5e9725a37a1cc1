using System.Text.Json;
using Matchmaking.Application.Common.Json;
using Matchmaking.Domain.Events;

namespace Matchmaking.Application.Events;

/// <summary>
/// An event as the feed lists it and a webhook delivers it: <c>data</c> holds the ids of what it concerns
/// and a small snapshot; which fields are present depends on <c>type</c>.
/// </summary>
public sealed record EventDto(Guid Id, string Type, DateTimeOffset OccurredAt, EventData Data);

/// <summary>
/// The snapshot of an event; each type fills the fields that describe it.
/// need.created, need.status_changed: needId, buyerId, title, status (previousStatus).
/// match_run.completed: runId, needId, buyerId, matchCount, candidatesConsidered.
/// match.shortlisted|invited|accepted|declined|withdrawn: matchId, runId, needId, buyerId, supplierIds, kind, rank, score, status, previousStatus.
/// partnership.created|completed|payment_recorded: partnershipId, matchId, needId, buyerId, supplierIds, status, agreedValueIdr, startDate,
/// qualityRating, onTimeRating, invoicedOn, paidOn, daysToPay (as far as known).
/// supplier.imported: importId, rowsRead, accepted, updated, rejected.
/// webhook.disabled: webhookId, url, reason.
/// program.enrolled, program.completed: programId, enrolmentId, supplierIds, title (the program's name), status, outcome.
/// financing.*: financingRequestId, partnershipId, buyerId, supplierIds, status, previousStatus, amountIdr (and for offers offerId,
/// financierId, annualRatePercent, totalCostIdr; for confirmations expectedPaymentDate).
/// </summary>
public sealed record EventData
{
    public Guid? NeedId { get; init; }
    public Guid? BuyerId { get; init; }
    public Guid? RunId { get; init; }
    public Guid? MatchId { get; init; }
    public Guid? PartnershipId { get; init; }
    public Guid? WebhookId { get; init; }
    public Guid? ImportId { get; init; }

    /// <summary>The suppliers of the match or partnership.</summary>
    public IReadOnlyList<Guid>? SupplierIds { get; init; }

    public string? Title { get; init; }

    /// <summary>The state after the change (need, match or partnership).</summary>
    public string? Status { get; init; }

    /// <summary>The state before the change.</summary>
    public string? PreviousStatus { get; init; }

    /// <summary>single or consortium.</summary>
    public string? Kind { get; init; }

    public int? Rank { get; init; }
    public double? Score { get; init; }
    public int? MatchCount { get; init; }
    public int? CandidatesConsidered { get; init; }
    public long? AgreedValueIdr { get; init; }
    public DateOnly? StartDate { get; init; }
    public int? QualityRating { get; init; }
    public int? OnTimeRating { get; init; }
    public DateOnly? InvoicedOn { get; init; }
    public DateOnly? PaidOn { get; init; }
    public int? DaysToPay { get; init; }
    public int? RowsRead { get; init; }
    public int? Accepted { get; init; }
    public int? Updated { get; init; }
    public int? Rejected { get; init; }
    public Guid? FinancingRequestId { get; init; }
    public Guid? OfferId { get; init; }
    public Guid? FinancierId { get; init; }
    public long? AmountIdr { get; init; }
    public double? AnnualRatePercent { get; init; }
    public long? TotalCostIdr { get; init; }
    public DateOnly? ExpectedPaymentDate { get; init; }
    public Guid? ProgramId { get; init; }
    public Guid? EnrolmentId { get; init; }
    public string? Outcome { get; init; }
    public string? Url { get; init; }
    public string? Reason { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static EventData Parse(string json) => JsonSerializer.Deserialize<EventData>(json, JsonDefaults.Options) ?? new EventData();
}
