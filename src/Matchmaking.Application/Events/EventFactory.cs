using Matchmaking.Domain.Events;
using Matchmaking.Domain.Financing;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Partnerships;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Application.Events;

/// <summary>
/// The event each change becomes, with who may see it. The outbox (Infrastructure) calls these for what
/// a SaveChanges writes, so the change and its event commit together.
/// </summary>
public static class EventFactory
{
    public static IntegrationEvent NeedCreated(Need need, DateTimeOffset now) =>
        new(EventTypes.NeedCreated, now, need.Id, need.BuyerId, [],
            new EventData { NeedId = need.Id, BuyerId = need.BuyerId, Title = need.Title, Status = Wire(need.Status) }.ToJson());

    public static IntegrationEvent NeedStatusChanged(Need need, NeedStatus previous, DateTimeOffset now) =>
        new(EventTypes.NeedStatusChanged, now, need.Id, need.BuyerId, [],
            new EventData { NeedId = need.Id, BuyerId = need.BuyerId, Title = need.Title, Status = Wire(need.Status), PreviousStatus = Wire(previous) }.ToJson());

    public static IntegrationEvent MatchRunCompleted(MatchRun run, Guid buyerId, DateTimeOffset now) =>
        new(EventTypes.MatchRunCompleted, now, run.Id, buyerId, [],
            new EventData { RunId = run.Id, NeedId = run.NeedId, BuyerId = buyerId, MatchCount = run.MatchCount, CandidatesConsidered = run.CandidatesConsidered }.ToJson());

    /// <summary>
    /// A match moved. Its suppliers are told only from the invitation on (and of a withdrawn invitation),
    /// as they see matches through the API; a shortlist stays the buyer's business.
    /// </summary>
    public static IntegrationEvent? MatchTransitioned(Match match, MatchTransition transition, Guid buyerId, DateTimeOffset now)
    {
        var type = transition.To switch
        {
            MatchStatus.Shortlisted => EventTypes.MatchShortlisted,
            MatchStatus.Invited => EventTypes.MatchInvited,
            MatchStatus.Accepted => EventTypes.MatchAccepted,
            MatchStatus.Declined => EventTypes.MatchDeclined,
            MatchStatus.Withdrawn => EventTypes.MatchWithdrawn,
            _ => null,
        };
        if (type is null || transition.From == transition.To)
        {
            return null;
        }

        var suppliers = match.SupplierIds.ToList();
        var toldSuppliers = transition.To is MatchStatus.Invited or MatchStatus.Accepted or MatchStatus.Declined
            || (transition.To == MatchStatus.Withdrawn && transition.From == MatchStatus.Invited);
        return new IntegrationEvent(type, now, match.Id, buyerId, toldSuppliers ? suppliers : [],
            new EventData
            {
                MatchId = match.Id,
                RunId = match.RunId,
                NeedId = match.NeedId,
                BuyerId = buyerId,
                SupplierIds = suppliers,
                Kind = Wire(match.Kind),
                Rank = match.Rank,
                Score = match.Score,
                Status = Wire(transition.To),
                PreviousStatus = Wire(transition.From),
            }.ToJson());
    }

    public static IntegrationEvent PartnershipCreated(Partnership p, DateTimeOffset now) => ForPartnership(EventTypes.PartnershipCreated, p, now);

    public static IntegrationEvent PartnershipCompleted(Partnership p, DateTimeOffset now) => ForPartnership(EventTypes.PartnershipCompleted, p, now);

    public static IntegrationEvent PartnershipPaymentRecorded(Partnership p, DateTimeOffset now) => ForPartnership(EventTypes.PartnershipPaymentRecorded, p, now);

    /// <summary>One per import, for admin: what it read and what it stored.</summary>
    public static IntegrationEvent SupplierImported(Guid importId, int rowsRead, int accepted, int updated, int rejected, DateTimeOffset now) =>
        new(EventTypes.SupplierImported, now, importId, null, [],
            new EventData { ImportId = importId, RowsRead = rowsRead, Accepted = accepted, Updated = updated, Rejected = rejected }.ToJson());

    /// <summary>Told to the subscription's owner (through the feed and its other subscriptions).</summary>
    public static IntegrationEvent WebhookDisabled(WebhookSubscription subscription, DateTimeOffset now) =>
        new IntegrationEvent(EventTypes.WebhookDisabled, now, subscription.Id,
            subscription.OwnerRole == Domain.Access.Role.Buyer ? subscription.OrganizationId : null,
            subscription.OwnerRole == Domain.Access.Role.Supplier && subscription.OrganizationId is { } supplier ? [supplier] : [],
            new EventData { WebhookId = subscription.Id, Url = subscription.Url, Reason = subscription.DisabledReason }.ToJson())
            .ForFinanciers(subscription.OwnerRole == Domain.Access.Role.Financier && subscription.OrganizationId is { } financier ? [financier] : []);

    /// <summary>
    /// A financing request moved. The buyer and the supplier are told every step; the financiers the supplier
    /// named (or all) of the request, its confirmation and which offer won; disbursement and repayment only
    /// the financier that lends.
    /// </summary>
    public static IntegrationEvent? FinancingMoved(FinancingRequest request, FinancingStatus from, FinancingStatus to, bool opened, DateTimeOffset now)
    {
        var type = opened ? EventTypes.FinancingRequested : to switch
        {
            FinancingStatus.Confirmed => EventTypes.FinancingConfirmed,
            FinancingStatus.Disputed => EventTypes.FinancingDisputed,
            FinancingStatus.Accepted => EventTypes.FinancingOfferAccepted,
            FinancingStatus.Disbursed => EventTypes.FinancingDisbursed,
            FinancingStatus.Repaid => EventTypes.FinancingRepaid,
            _ => null,
        };
        if (type is null || (!opened && from == to))
        {
            return null;
        }

        var accepted = request.AcceptedOffer;
        var lender = accepted?.FinancierId;
        var data = Financing(request) with
        {
            Status = Wire(to),
            PreviousStatus = opened ? null : Wire(from),
            OfferId = accepted?.Id,
            FinancierId = lender,
            AnnualRatePercent = accepted?.AnnualRatePercent,
            TotalCostIdr = accepted?.TotalCostIdr,
        };
        var e = new IntegrationEvent(type, now, request.Id, request.BuyerId, [request.SupplierId], data.ToJson());
        return to is FinancingStatus.Disbursed or FinancingStatus.Repaid
            ? e.ForFinanciers([lender!.Value])
            : to == FinancingStatus.Accepted
                ? e.ForFinanciers(request.Offers.Select(o => o.FinancierId))
                : e.ForFinanciers(request.FinancierIds, all: request.FinancierIds.Count == 0);
    }

    /// <summary>An offer: for the supplier and the financier that made it, never its competitors or the buyer.</summary>
    public static IntegrationEvent FinancingOfferMade(FinancingRequest request, FinancingOffer offer, DateTimeOffset now) =>
        new IntegrationEvent(EventTypes.FinancingOfferMade, now, request.Id, null, [request.SupplierId],
            (Financing(request) with
            {
                Status = Wire(request.Status),
                OfferId = offer.Id,
                FinancierId = offer.FinancierId,
                AmountIdr = offer.AmountIdr,
                AnnualRatePercent = offer.AnnualRatePercent,
                TotalCostIdr = offer.TotalCostIdr,
            }).ToJson())
        .ForFinanciers([offer.FinancierId]);

    /// <summary>A supplier enrolled in or completed a program: for the supplier (and admin).</summary>
    public static IntegrationEvent ProgramStep(Domain.Programs.CapabilityProgram program, Domain.Programs.Enrolment enrolment, DateTimeOffset now) =>
        new(enrolment.Status == Domain.Programs.EnrolmentStatus.Completed ? EventTypes.ProgramCompleted : EventTypes.ProgramEnrolled, now, enrolment.Id, null,
            [enrolment.SupplierId], new EventData
            {
                ProgramId = program.Id,
                EnrolmentId = enrolment.Id,
                SupplierIds = [enrolment.SupplierId],
                Title = program.Name,
                Status = Wire(enrolment.Status),
                Outcome = enrolment.Status == Domain.Programs.EnrolmentStatus.Completed ? Wire(enrolment.Outcome.Kind) : null,
            }.ToJson());

    private static EventData Financing(FinancingRequest request) => new()
    {
        FinancingRequestId = request.Id,
        PartnershipId = request.PartnershipId,
        BuyerId = request.BuyerId,
        SupplierIds = [request.SupplierId],
        AmountIdr = request.AmountIdr,
        ExpectedPaymentDate = request.ExpectedPaymentDate,
    };

    private static IntegrationEvent ForPartnership(string type, Partnership p, DateTimeOffset now)
    {
        var suppliers = p.Members.Select(m => m.SupplierId).ToList();
        return new IntegrationEvent(type, now, p.Id, p.BuyerId, suppliers, new EventData
        {
            PartnershipId = p.Id,
            MatchId = p.MatchId,
            NeedId = p.NeedId,
            BuyerId = p.BuyerId,
            SupplierIds = suppliers,
            Status = Wire(p.Status),
            AgreedValueIdr = p.AgreedValueIdr,
            StartDate = p.StartDate,
            QualityRating = p.QualityRating,
            OnTimeRating = p.OnTimeRating,
            InvoicedOn = p.InvoicedOn,
            PaidOn = p.PaidOn,
            DaysToPay = p.DaysToPay,
        }.ToJson());
    }

    private static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
