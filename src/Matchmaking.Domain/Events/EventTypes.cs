namespace Matchmaking.Domain.Events;

/// <summary>The event types integrators subscribe to, as they appear on the wire.</summary>
public static class EventTypes
{
    public const string NeedCreated = "need.created";
    public const string NeedStatusChanged = "need.status_changed";
    public const string MatchRunCompleted = "match_run.completed";
    public const string MatchShortlisted = "match.shortlisted";
    public const string MatchInvited = "match.invited";
    public const string MatchAccepted = "match.accepted";
    public const string MatchDeclined = "match.declined";
    public const string MatchWithdrawn = "match.withdrawn";
    public const string PartnershipCreated = "partnership.created";
    public const string PartnershipCompleted = "partnership.completed";
    public const string PartnershipPaymentRecorded = "partnership.payment_recorded";
    public const string SupplierImported = "supplier.imported";
    public const string WebhookDisabled = "webhook.disabled";
    public const string FinancingRequested = "financing.requested";
    public const string FinancingConfirmed = "financing.confirmed";
    public const string FinancingDisputed = "financing.disputed";
    public const string FinancingOfferMade = "financing.offer_made";
    public const string FinancingOfferAccepted = "financing.offer_accepted";
    public const string FinancingDisbursed = "financing.disbursed";
    public const string FinancingRepaid = "financing.repaid";
    public const string ProgramEnrolled = "program.enrolled";
    public const string ProgramCompleted = "program.completed";

    public static readonly IReadOnlyList<string> All =
    [
        NeedCreated, NeedStatusChanged, MatchRunCompleted, MatchShortlisted, MatchInvited, MatchAccepted, MatchDeclined,
        MatchWithdrawn, PartnershipCreated, PartnershipCompleted, PartnershipPaymentRecorded, SupplierImported, WebhookDisabled,
        FinancingRequested, FinancingConfirmed, FinancingDisputed, FinancingOfferMade, FinancingOfferAccepted, FinancingDisbursed, FinancingRepaid,
        ProgramEnrolled, ProgramCompleted,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
