using Matchmaking.Domain.Common;

namespace Matchmaking.Domain.Suppliers;

/// <summary>Everything about a supplier that its owner states; the entity derives the rest.</summary>
public sealed record SupplierProfile(
    string Name,
    string Nib,
    LegalForm LegalForm,
    long? BusinessCapitalIdr,
    long? AnnualRevenueIdr,
    string ProvinceCode,
    string? RegencyCode,
    GeoPoint Location,
    IReadOnlyList<string> KbliCodes,
    string KbliVersion,
    IReadOnlyList<SupplierCapability> Capabilities,
    IReadOnlyList<Certification> Certifications,
    decimal? TkdnPercent,
    int? Employees,
    bool ExportExperience,
    string? Cooperative,
    string? Description,
    ContactDetails? Contact);

public sealed record SupplierCapability(string Code, decimal? MonthlyCapacity, string? Unit, string? Description);

public sealed record Certification(
    CertificationScheme Scheme,
    string? Number,
    string? Issuer,
    DateOnly? IssuedOn,
    DateOnly ValidUntil)
{
    public bool IsValidOn(DateOnly date) => ValidUntil >= date && (IssuedOn is null || IssuedOn <= date);
}

public sealed record ContactDetails(string? Name, string? Email, string? Phone);
