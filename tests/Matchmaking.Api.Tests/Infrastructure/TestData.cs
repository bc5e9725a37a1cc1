using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Facilities;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>Builders for request bodies: valid by default, every part overridable.</summary>
public static class TestData
{
    private static int _nib;

    public static string NextNib() => $"912{Interlocked.Increment(ref _nib):D10}";

    public static SupplierInput Supplier(
        string name = "CV Logam Jaya",
        string? nib = null,
        long? annualRevenueIdr = 3_500_000_000,
        string provinceCode = "33",
        string? regencyCode = "3310",
        LocationInput? location = null,
        string[]? capabilities = null,
        decimal monthlyCapacity = 4000,
        CertificationInput[]? certifications = null,
        decimal? tkdnPercent = 45.5m,
        string? description = "Grey iron castings up to 50 kg",
        bool? active = null) => new()
        {
            Name = name,
            Nib = nib ?? NextNib(),
            LegalForm = LegalForm.Cv,
            BusinessCapitalIdr = 800_000_000,
            AnnualRevenueIdr = annualRevenueIdr,
            ProvinceCode = provinceCode,
            RegencyCode = regencyCode,
            Location = location ?? Places.Klaten,
            KbliCodes = ["24310", "25920"],
            Capabilities = (capabilities ?? ["metal.casting.iron"])
            .Select(code => new SupplierCapabilityInput { Code = code, MonthlyCapacity = monthlyCapacity, Unit = "pcs", Description = "castings" })
            .ToList(),
            Certifications = (certifications ?? [Certificate(CertificationScheme.Sni, new DateOnly(2099, 6, 30))]).ToList(),
            TkdnPercent = tkdnPercent,
            Employees = 18,
            ExportExperience = false,
            Cooperative = "Koperasi Batur Jaya",
            Description = description,
            Contact = new ContactInput { Name = "Pak Slamet", Email = "slamet@example.co.id", Phone = "+6281234567890" },
            Active = active,
        };

    public static CertificationInput Certificate(CertificationScheme scheme, DateOnly validUntil, DateOnly? issuedOn = null) => new()
    {
        Scheme = scheme,
        Number = $"{scheme}-001",
        Issuer = "LSPro B4T",
        IssuedOn = issuedOn ?? validUntil.AddYears(-3),
        ValidUntil = validUntil,
    };

    public static BuyerInput Buyer(string name = "PT PLN (Persero)", BuyerType type = BuyerType.Bumn, string provinceCode = "31") => new()
    {
        Name = name,
        Type = type,
        Sector = "electricity",
        ProvinceCode = provinceCode,
    };

    public static FacilityInput Facility(
        string name = "Rumah Produksi Bersama Ceper",
        string provinceCode = "33",
        string[]? capabilityCodes = null,
        CertificationScheme[]? schemes = null) => new()
        {
            Name = name,
            Operator = "Koperasi Batur Jaya",
            ProvinceCode = provinceCode,
            Location = new LocationInput { Latitude = -7.665, Longitude = 110.68 },
            CapabilityCodes = (capabilityCodes ?? ["metal.machining.cnc"]).ToList(),
            CertificationSchemes = (schemes ?? [CertificationScheme.Sni]).ToList(),
            MonthlyCapacity = 20000,
        };

    public static NeedInput Need(
        Guid? buyerId = null,
        string[]? capabilityCodes = null,
        decimal quantity = 1000,
        DateOnly? neededBy = null,
        CertificationScheme[]? requiredCertifications = null,
        decimal? minTkdnPercent = null,
        double? maxDistanceKm = null,
        bool umkOnly = false,
        bool allowConsortium = false) => new()
        {
            BuyerId = buyerId,
            Title = "Galvanised cross-arm brackets",
            Description = "For 20 kV distribution lines",
            CapabilityCodes = (capabilityCodes ?? ["metal.casting"]).ToList(),
            Quantity = quantity,
            Unit = "pcs",
            NeededBy = neededBy ?? ApiFixture.Clock.Today.AddMonths(6),
            DeliveryProvinceCode = "33",
            DeliveryLocation = Places.Semarang,
            EstimatedValueIdr = 2_400_000_000,
            RequiredCertifications = (requiredCertifications ?? []).Select(s => new RequiredCertificationInput { Scheme = s }).ToList(),
            MinTkdnPercent = minTkdnPercent,
            MaxDistanceKm = maxDistanceKm,
            UmkOnly = umkOnly,
            AllowConsortium = allowConsortium,
        };
}
