using AutoMapper;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Facilities;

namespace Matchmaking.Application.Facilities;

/// <summary>A factory-sharing facility as the API returns it.</summary>
public sealed record FacilityDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Operator { get; init; }
    public required string ProvinceCode { get; init; }
    public required LocationDto Location { get; init; }
    public required IReadOnlyList<string> CapabilityCodes { get; init; }
    public required IReadOnlyList<CertificationScheme> CertificationSchemes { get; init; }
    public decimal? MonthlyCapacity { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed class FacilityMappingProfile : Profile
{
    public FacilityMappingProfile()
    {
        CreateMap<Facility, FacilityDto>();
    }
}
