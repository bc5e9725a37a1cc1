using Matchmaking.Domain.Common;

namespace Matchmaking.Domain.Facilities;

/// <summary>
/// A factory-sharing facility (rumah produksi bersama): shared machines and certified processes
/// that let nearby UMKM reach a capability or standard they lack on their own.
/// </summary>
public sealed class Facility
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
        CreatedAt = now;
        Apply(profile, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Operator { get; private set; }
    public string ProvinceCode { get; private set; }
    public GeoPoint Location { get; private set; }
    public List<string> CapabilityCodes { get; private set; }
    public List<CertificationScheme> CertificationSchemes { get; private set; }
    public decimal? MonthlyCapacity { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public void Replace(FacilityProfile profile, DateTimeOffset now)
    {
        Apply(profile, now);
        Version++;
    }

    private void Apply(FacilityProfile profile, DateTimeOffset now)
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
        UpdatedAt = now;
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
