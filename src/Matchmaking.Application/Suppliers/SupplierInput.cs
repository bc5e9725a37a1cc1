using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Suppliers;

/// <summary>A supplier's profile as its owner states it (create and replace).</summary>
public sealed record SupplierInput
{
    /// <summary>Registered business name, e.g. "CV Logam Jaya".</summary>
    public string? Name { get; init; }

    /// <summary>Nomor Induk Berusaha from OSS-RBA: 13 digits, unique.</summary>
    public string? Nib { get; init; }

    public LegalForm? LegalForm { get; init; }

    /// <summary>Business capital excluding land and buildings, whole rupiah.</summary>
    public long? BusinessCapitalIdr { get; init; }

    /// <summary>Annual sales, whole rupiah. Decides the scale when given (PP 7/2021).</summary>
    public long? AnnualRevenueIdr { get; init; }

    /// <summary>BPS province code, e.g. "33" (Jawa Tengah).</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>BPS regency/city code starting with the province code, e.g. "3310" (Klaten).</summary>
    public string? RegencyCode { get; init; }

    public LocationInput? Location { get; init; }

    /// <summary>KBLI business activity codes, 5 digits each.</summary>
    public List<string>? KbliCodes { get; init; }

    /// <summary>KBLI edition the codes come from: "2020" (default) or "2025".</summary>
    public string? KbliVersion { get; init; }

    public List<SupplierCapabilityInput>? Capabilities { get; init; }

    public List<CertificationInput>? Certifications { get; init; }

    /// <summary>Local content (TKDN) percentage, 0..100.</summary>
    public decimal? TkdnPercent { get; init; }

    public int? Employees { get; init; }

    public bool? ExportExperience { get; init; }

    /// <summary>Cooperative the supplier belongs to, e.g. "Koperasi Batur Jaya".</summary>
    public string? Cooperative { get; init; }

    /// <summary>Free text about products and processes; searched by <c>q</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Personal data (UU 27/2022): shown only to admin, the supplier, and buyers it accepted.</summary>
    public ContactInput? Contact { get; init; }

    /// <summary>False hides the supplier from matching; omitted keeps the current state (true on create).</summary>
    public bool? Active { get; init; }

    public SupplierProfile ToProfile() => new(
        Name!.Trim(),
        Nib!,
        LegalForm!.Value,
        BusinessCapitalIdr,
        AnnualRevenueIdr,
        ProvinceCode!,
        RegencyCode,
        Location!.ToGeoPoint(),
        KbliCodes?.Distinct().ToList() ?? [],
        KbliVersion ?? "2020",
        Capabilities?.Select(c => new SupplierCapability(c.Code!, c.MonthlyCapacity, c.Unit, c.Description)).ToList() ?? [],
        Certifications?.Select(c => new Certification(c.Scheme!.Value, c.Number, c.Issuer, c.IssuedOn, c.ValidUntil!.Value)).ToList() ?? [],
        TkdnPercent,
        Employees,
        ExportExperience ?? false,
        Cooperative,
        Description,
        Contact is null ? null : new ContactDetails(Contact.Name, Contact.Email, Contact.Phone));
}

public sealed record SupplierCapabilityInput
{
    /// <summary>Taxonomy code, e.g. "metal.casting.iron".</summary>
    public string? Code { get; init; }

    /// <summary>What the supplier can produce per month, in <see cref="Unit"/>.</summary>
    public decimal? MonthlyCapacity { get; init; }

    /// <summary>Unit of the capacity, e.g. "pcs", "kg", "ton".</summary>
    public string? Unit { get; init; }

    public string? Description { get; init; }
}

public sealed record CertificationInput
{
    public CertificationScheme? Scheme { get; init; }

    /// <summary>Certificate number, e.g. "SNI 8052:2014".</summary>
    public string? Number { get; init; }

    /// <summary>Issuing body, e.g. the accredited LSPro.</summary>
    public string? Issuer { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public DateOnly? ValidUntil { get; init; }
}

public sealed record ContactInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }

    /// <summary>Phone in international form, e.g. "+6281234567890".</summary>
    public string? Phone { get; init; }
}
