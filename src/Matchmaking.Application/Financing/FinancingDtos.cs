using AutoMapper;
using Matchmaking.Application.Partnerships;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Financing;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Financing;

public sealed record FinancierDto(Guid Id, string Name, FinancierType Type, DateTimeOffset CreatedAt)
;

public sealed record FinancingOfferDto(
    Guid Id, Guid FinancierId, long AmountIdr, double AnnualRatePercent, long FeesIdr, int TenorDays, long TotalCostIdr, OfferStatus Status, DateTimeOffset CreatedAt)
;

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
    /// <summary>The request with the offers the caller may see (oldest first), and the risk profile and contact when the caller may have them.</summary>
    public static FinancingRequestDto From(IMapper mapper, FinancingRequest r, IEnumerable<FinancingOffer> offers, RiskProfileDto? risk = null, ContactDto? contact = null) =>
        mapper.Map<FinancingRequestDto>(r) with
        {
            Offers = mapper.Map<List<FinancingOfferDto>>(offers.OrderBy(o => o.CreatedAt)),
            Risk = risk,
            SupplierContact = contact,
        };
}

public sealed class FinancingMappingProfile : Profile
{
    public FinancingMappingProfile()
    {
        CreateMap<Financier, FinancierDto>();
        CreateMap<FinancingOffer, FinancingOfferDto>();
        // Offers, risk and contact depend on who asks: none unless FinancingRequestDto.From adds them.
        CreateMap<FinancingRequest, FinancingRequestDto>()
            .ForCtorParam(nameof(FinancingRequestDto.BuyerConfirmed), o => o.MapFrom(r => r.ConfirmedValueIdr != null))
            .ForCtorParam(nameof(FinancingRequestDto.Offers), o => o.MapFrom(_ => new List<FinancingOfferDto>()))
            .ForCtorParam(nameof(FinancingRequestDto.Risk), o => o.MapFrom(_ => (RiskProfileDto?)null))
            .ForCtorParam(nameof(FinancingRequestDto.SupplierContact), o => o.MapFrom(_ => (ContactDto?)null));
    }
}
