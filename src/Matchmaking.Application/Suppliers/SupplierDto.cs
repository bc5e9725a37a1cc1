using AutoMapper;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Suppliers;

/// <summary>A supplier as the API returns it.</summary>
public sealed record SupplierDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Nib { get; init; }
    public LegalForm LegalForm { get; init; }
    public long? BusinessCapitalIdr { get; init; }
    public long? AnnualRevenueIdr { get; init; }

    /// <summary>Derived per PP 7/2021 from revenue (or capital when revenue is unknown).</summary>
    public UmkmScale Scale { get; init; }

    /// <summary>Which figure the scale was derived from.</summary>
    public ScaleBasis ScaleBasis { get; init; }

    public required string ProvinceCode { get; init; }
    public string? RegencyCode { get; init; }
    public required LocationDto Location { get; init; }
    public required IReadOnlyList<string> KbliCodes { get; init; }
    public required string KbliVersion { get; init; }
    public required IReadOnlyList<SupplierCapabilityDto> Capabilities { get; init; }
    public required IReadOnlyList<CertificationDto> Certifications { get; init; }
    public decimal? TkdnPercent { get; init; }
    public int? Employees { get; init; }
    public bool ExportExperience { get; init; }
    public string? Cooperative { get; init; }
    public string? Description { get; init; }

    /// <summary>Present only for admin, the supplier itself, and a buyer whose invitation it accepted.</summary>
    public ContactDto? Contact { get; init; }

    public bool Active { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record SupplierCapabilityDto(string Code, decimal? MonthlyCapacity, string? Unit, string? Description);

public sealed record CertificationDto(CertificationScheme Scheme, string? Number, string? Issuer, DateOnly? IssuedOn, DateOnly ValidUntil);

public sealed record ContactDto(string? Name, string? Email, string? Phone);

public sealed class SupplierMappingProfile : Profile
{
    public SupplierMappingProfile()
    {
        CreateMap<GeoPoint, LocationDto>();
        CreateMap<SupplierCapability, SupplierCapabilityDto>();
        CreateMap<Certification, CertificationDto>();
        CreateMap<ContactDetails, ContactDto>();
        CreateMap<Supplier, SupplierDto>();
    }
}
