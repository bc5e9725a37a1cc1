using Matchmaking.Domain.Common;

namespace Matchmaking.Domain.Suppliers;

/// <summary>A UMKM supplier registered for matching.</summary>
public sealed class Supplier : IVersioned
{
    private List<SupplierCapability> _capabilities = [];
    private List<Certification> _certifications = [];

    private Supplier()
    {
        Name = Nib = ProvinceCode = KbliVersion = string.Empty;
        Location = new GeoPoint(0, 0);
        KbliCodes = [];
    }

    public Supplier(Guid id, SupplierProfile profile, DateTimeOffset now)
        : this()
    {
        Id = id;
        CreatedAt = UpdatedAt = now;
        Active = true;
        Apply(profile);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Nib { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public long? BusinessCapitalIdr { get; private set; }
    public long? AnnualRevenueIdr { get; private set; }
    public UmkmScale Scale { get; private set; }
    public ScaleBasis ScaleBasis { get; private set; }
    public string ProvinceCode { get; private set; }
    public string? RegencyCode { get; private set; }
    public GeoPoint Location { get; private set; }
    public IReadOnlyList<string> KbliCodes { get; private set; }
    public string KbliVersion { get; private set; }
    public IReadOnlyList<SupplierCapability> Capabilities => _capabilities;
    public IReadOnlyList<Certification> Certifications => _certifications;
    public decimal? TkdnPercent { get; private set; }
    public int? Employees { get; private set; }
    public bool ExportExperience { get; private set; }
    public string? Cooperative { get; private set; }
    public string? Description { get; private set; }
    public ContactDetails? Contact { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Incremented on every change; the ETag of the resource.</summary>
    public int Version { get; private set; }

    public void Replace(SupplierProfile profile)
    {
        Apply(profile);
    }

    /// <summary>A certificate granted (through a capability program): it counts from the next match run on.</summary>
    public void GrantCertification(Certification certification)
    {
        if (certification.IssuedOn is { } issued && certification.ValidUntil <= issued)
        {
            throw new DomainRuleException("outcome.validUntil", "A certificate must expire after it was issued.");
        }

        _certifications.Add(certification);
    }

    /// <summary>A capability verified (through a capability program): added, or its capacity replaced when the code is known.</summary>
    public void VerifyCapability(SupplierCapability capability)
    {
        if (capability.MonthlyCapacity < 0)
        {
            throw new DomainRuleException("outcome.monthlyCapacity", "Capacity cannot be negative.");
        }

        _capabilities.RemoveAll(c => c.Code == capability.Code);
        _capabilities.Add(capability);
    }

    /// <summary>Local content raised (through a capability program); it never goes down this way.</summary>
    public void RaiseLocalContent(decimal tkdnPercent)
    {
        if (tkdnPercent is < 0 or > 100 || tkdnPercent <= (TkdnPercent ?? -1))
        {
            throw new DomainRuleException("outcome.tkdnPercent", $"The new TKDN must be 0..100 and above the current {TkdnPercent ?? 0}%.");
        }

        TkdnPercent = tkdnPercent;
    }

    /// <summary>Suppliers are never hard-deleted: matches and partnerships keep pointing at them.</summary>
    public void Deactivate()
    {
        if (!Active)
        {
            return;
        }

        Active = false;
    }

    /// <summary>A deactivated supplier comes back only by an administrator's decision, never by its own key.</summary>
    public void Reactivate(bool byAdministrator)
    {
        if (Active)
        {
            return;
        }

        if (!byAdministrator)
        {
            throw new InvalidStateTransitionException("The supplier is deactivated; only an administrator can reactivate it.");
        }

        Active = true;
    }

    private void Apply(SupplierProfile profile)
    {
        if (!Identifiers.IsValidNib(profile.Nib))
        {
            throw new DomainRuleException("nib", "NIB must be exactly 13 digits.");
        }

        if (profile.BusinessCapitalIdr < 0)
        {
            throw new DomainRuleException("businessCapitalIdr", "Business capital cannot be negative.");
        }

        if (profile.AnnualRevenueIdr < 0)
        {
            throw new DomainRuleException("annualRevenueIdr", "Annual revenue cannot be negative.");
        }

        if (!profile.Location.IsInsideIndonesia)
        {
            throw new DomainRuleException("location", "Location must be inside Indonesia.");
        }

        for (var i = 0; i < profile.Certifications.Count; i++)
        {
            var certification = profile.Certifications[i];
            if (certification.IssuedOn is { } issued && certification.ValidUntil <= issued)
            {
                throw new DomainRuleException($"certifications[{i}].validUntil", "A certificate must expire after it was issued.");
            }
        }

        for (var i = 0; i < profile.Capabilities.Count; i++)
        {
            if (profile.Capabilities[i].MonthlyCapacity < 0)
            {
                throw new DomainRuleException($"capabilities[{i}].monthlyCapacity", "Capacity cannot be negative.");
            }
        }

        (Scale, ScaleBasis) = UmkmClassifier.Classify(profile.BusinessCapitalIdr, profile.AnnualRevenueIdr);
        Name = profile.Name;
        Nib = profile.Nib;
        LegalForm = profile.LegalForm;
        BusinessCapitalIdr = profile.BusinessCapitalIdr;
        AnnualRevenueIdr = profile.AnnualRevenueIdr;
        ProvinceCode = profile.ProvinceCode;
        RegencyCode = profile.RegencyCode;
        Location = profile.Location;
        KbliCodes = [.. profile.KbliCodes];
        KbliVersion = profile.KbliVersion;
        _capabilities = [.. profile.Capabilities];
        _certifications = [.. profile.Certifications];
        TkdnPercent = profile.TkdnPercent;
        Employees = profile.Employees;
        ExportExperience = profile.ExportExperience;
        Cooperative = profile.Cooperative;
        Description = profile.Description;
        Contact = profile.Contact;
    }
}
