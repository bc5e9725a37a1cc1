using Matchmaking.Domain.Common;

namespace Matchmaking.Domain.Facilities;

/// <summary>
/// A factory-sharing facility (rumah produksi bersama): shared machines and certified processes
/// that let nearby UMKM reach a capability or standard they lack on their own.
/// </summary>
public sealed class Facility : IVersioned
{
    private Facility()
    {
        Name = Operator = ProvinceCode = string.Empty;
        Location = new GeoPoint(0, 0);
        CapabilityCodes = [];
        CertificationSchemes = [];
    }

    public Facility(Guid id, FacilityProfile profile, DateTimeOffset now)
        : this()
    {
        Id = id;
        CreatedAt = UpdatedAt = now;
        Apply(profile);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Operator { get; private set; }
    public string ProvinceCode { get; private set; }
    public GeoPoint Location { get; private set; }
    public IReadOnlyList<string> CapabilityCodes { get; private set; }
    public IReadOnlyList<CertificationScheme> CertificationSchemes { get; private set; }
    public decimal? MonthlyCapacity { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public void Replace(FacilityProfile profile)
    {
        Apply(profile);
    }

    private void Apply(FacilityProfile profile)
    {
        if (!profile.Location.IsInsideIndonesia)
        {
            throw new DomainRuleException("location", "Location must be inside Indonesia.");
        }

        if (profile.MonthlyCapacity < 0)
        {
            throw new DomainRuleException("monthlyCapacity", "Capacity cannot be negative.");
        }

        Name = profile.Name;
        Operator = profile.Operator;
        ProvinceCode = profile.ProvinceCode;
        Location = profile.Location;
        CapabilityCodes = [.. profile.CapabilityCodes.Distinct()];
        CertificationSchemes = [.. profile.CertificationSchemes.Distinct()];
        MonthlyCapacity = profile.MonthlyCapacity;
    }
}

public sealed record FacilityProfile(
    string Name,
    string Operator,
    string ProvinceCode,
    GeoPoint Location,
    IReadOnlyList<string> CapabilityCodes,
    IReadOnlyList<CertificationScheme> CertificationSchemes,
    decimal? MonthlyCapacity);
