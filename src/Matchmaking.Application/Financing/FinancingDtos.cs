using Matchmaking.Application.Partnerships;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Financing;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Financing;

public sealed record FinancierDto(Guid Id, string Name, FinancierType Type, DateTimeOffset CreatedAt)
{
    public static FinancierDto From(Financier f) => new(f.Id, f.Name, f.Type, f.CreatedAt);
}

public sealed record FinancingOfferDto(
    Guid Id, Guid FinancierId, long AmountIdr, double AnnualRatePercent, long FeesIdr, int TenorDays, long TotalCostIdr, OfferStatus Status, DateTimeOffset CreatedAt)
{
    public static FinancingOfferDto From(FinancingOffer o) =>
        new(o.Id, o.FinancierId, o.AmountIdr, o.AnnualRatePercent, o.FeesIdr, o.TenorDays, o.TotalCostIdr, o.Status, o.CreatedAt);
}

/// <summary>What a financier prices the risk with, and nothing more.</summary>
public sealed record RiskProfileDto(
    UmkmScale SupplierScale, string SupplierProvinceCode, IReadOnlyList<string> CapabilityCodes, IReadOnlyList<string> ValidCertifications,
    int CompletedPartnerships, double? AverageRating, BuyerReputationDto BuyerReputation, long? PartnershipValueIdr, DateOnly PartnershipStartDate,
    string PartnershipStatus);

/// <summary>
/// A request with the offers the caller may see (side by side, with their total cost), the risk profile for
/// financiers and admin, and the supplier's contact only for the financier whose offer it accepted.
/// </summary>
public sealed record FinancingRequestDto(
    Guid Id, Guid PartnershipId, Guid SupplierId, Guid BuyerId, long AmountIdr, FinancingPurpose Purpose, int TenorDays,
    IReadOnlyList<Guid> FinancierIds, FinancingStatus Status, bool BuyerConfirmed, long? ConfirmedValueIdr, DateOnly? ExpectedPaymentDate,
    string? DisputeReason, Guid? AcceptedOfferId, DateOnly? DisbursedOn, DateOnly? RepaidOn, int? DaysLate, DateTimeOffset CreatedAt,
    IReadOnlyList<FinancingOfferDto> Offers, RiskProfileDto? Risk = null, ContactDto? SupplierContact = null)
{
    public static FinancingRequestDto From(FinancingRequest r, IEnumerable<FinancingOffer> offers, RiskProfileDto? risk = null, ContactDto? contact = null) => new(
        r.Id, r.PartnershipId, r.SupplierId, r.BuyerId, r.AmountIdr, r.Purpose, r.TenorDays, r.FinancierIds, r.Status,
        r.ConfirmedValueIdr is not null, r.ConfirmedValueIdr, r.ExpectedPaymentDate, r.DisputeReason, r.AcceptedOfferId, r.DisbursedOn, r.RepaidOn,
        r.DaysLate, r.CreatedAt, offers.OrderBy(o => o.CreatedAt).Select(FinancingOfferDto.From).ToList(), risk, contact);
}
