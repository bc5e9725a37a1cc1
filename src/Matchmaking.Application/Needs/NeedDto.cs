using AutoMapper;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;

namespace Matchmaking.Application.Needs;

public sealed record NeedDto
{
    public Guid Id { get; init; }
    public Guid BuyerId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> CapabilityCodes { get; init; }
    public decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public DateOnly NeededBy { get; init; }
    public required string DeliveryProvinceCode { get; init; }
    public required LocationDto DeliveryLocation { get; init; }
    public long? EstimatedValueIdr { get; init; }
    public required IReadOnlyList<RequiredCertificationDto> RequiredCertifications { get; init; }
    public decimal? MinTkdnPercent { get; init; }
    public double? MaxDistanceKm { get; init; }
    public bool UmkOnly { get; init; }
    public bool AllowConsortium { get; init; }

    /// <summary>Normalised to sum to 1.</summary>
    public required WeightsDto Weights { get; init; }

    public RankingMode Ranking { get; init; }

    /// <summary>Null: the global tolerance (Matching:ExposureTolerance) applies.</summary>
    public double? ExposureTolerance { get; init; }

    public NeedStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record RequiredCertificationDto(CertificationScheme Scheme);

public sealed record WeightsDto(double Capability, double Capacity, double Proximity, double TrackRecord, double LocalContent);

public sealed class NeedMappingProfile : Profile
{
    public NeedMappingProfile()
    {
        CreateMap<ScoringWeights, WeightsDto>();
        CreateMap<CertificationScheme, RequiredCertificationDto>().ForCtorParam(nameof(RequiredCertificationDto.Scheme), o => o.MapFrom(s => s));
        CreateMap<Need, NeedDto>();
    }
}
