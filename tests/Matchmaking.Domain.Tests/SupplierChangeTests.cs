using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Domain.Tests;

/// <summary>What a supplier keeps from its profile, and the changes capability programs make to it.</summary>
public sealed class SupplierChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly Certification Sni = new(CertificationScheme.Sni, "SNI-1", "BSN", new DateOnly(2025, 1, 1), new DateOnly(2027, 6, 30));

    private static SupplierProfile Profile(decimal? tkdn = 40, long? revenue = 3_500_000_000) => new(
        "CV Logam Jaya", "9120001234567", LegalForm.Cv, 800_000_000, revenue, "33", "3310", new GeoPoint(-7.7, 110.6),
        ["24310", "25920"], "2020", [new SupplierCapability("metal.casting.iron", 4000, "pcs", "castings")],
        [Sni], tkdn, 18, true, "Koperasi Batur Jaya", "Grey iron", new ContactDetails("Pak Slamet", "slamet@example.co.id", "+6281234567890"));

    private static Supplier New(decimal? tkdn = 40) => new(Guid.NewGuid(), Profile(tkdn), Now);

    [Fact]
    public void New_KeepsEveryStatedField()
    {
        var profile = Profile();
        var supplier = new Supplier(Guid.Parse("00000000-0000-0000-0000-000000000042"), profile, Now);

        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000042"), supplier.Id);
        Assert.Equal((profile.Name, profile.Nib, profile.LegalForm, profile.BusinessCapitalIdr, profile.AnnualRevenueIdr),
            (supplier.Name, supplier.Nib, supplier.LegalForm, supplier.BusinessCapitalIdr, supplier.AnnualRevenueIdr));
        Assert.Equal((profile.ProvinceCode, profile.RegencyCode, profile.Location, profile.KbliVersion),
            (supplier.ProvinceCode, supplier.RegencyCode, supplier.Location, supplier.KbliVersion));
        Assert.Equal(profile.KbliCodes, supplier.KbliCodes);
        Assert.Equal(profile.Capabilities, supplier.Capabilities);
        Assert.Equal(profile.Certifications, supplier.Certifications);
        Assert.Equal((profile.TkdnPercent, profile.Employees, profile.ExportExperience, profile.Cooperative, profile.Description, profile.Contact),
            (supplier.TkdnPercent, supplier.Employees, supplier.ExportExperience, supplier.Cooperative, supplier.Description, supplier.Contact));
        Assert.Equal((UmkmScale.Small, ScaleBasis.AnnualRevenue), (supplier.Scale, supplier.ScaleBasis));
        Assert.Equal((Now, Now), (supplier.CreatedAt, supplier.UpdatedAt));
    }

    [Fact]
    public void NegativeRevenue_IsRefusedNamingTheField() =>
        Assert.Equal("annualRevenueIdr", Assert.Throws<DomainRuleException>(() => new Supplier(Guid.NewGuid(), Profile(revenue: -1), Now)).Field);

    [Fact]
    public void GrantCertification_AddsIt()
    {
        var supplier = New();
        var iso = new Certification(CertificationScheme.Iso9001, null, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2));

        supplier.GrantCertification(iso);

        Assert.Equal([Sni, iso], supplier.Certifications);
    }

    [Theory]
    [InlineData("2026-11-01")]
    [InlineData("2026-10-31")]
    public void GrantCertification_ThatExpiresOnOrBeforeItsIssue_IsRefused(string validUntil)
    {
        var supplier = New();
        var backwards = new Certification(CertificationScheme.Halal, null, null, new DateOnly(2026, 11, 1), DateOnly.Parse(validUntil, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("outcome.validUntil", Assert.Throws<DomainRuleException>(() => supplier.GrantCertification(backwards)).Field);
        Assert.Equal([Sni], supplier.Certifications);
    }

    [Fact]
    public void VerifyCapability_ReplacesTheCapacityOfAKnownCode_AndAddsANewOne()
    {
        var supplier = New();

        supplier.VerifyCapability(new SupplierCapability("metal.casting.iron", 6000, "pcs", "verified"));
        supplier.VerifyCapability(new SupplierCapability("metal.machining.cnc", 0, "pcs", null));

        Assert.Equal(["metal.casting.iron", "metal.machining.cnc"], supplier.Capabilities.Select(c => c.Code));
        Assert.Equal(6000, supplier.Capabilities[0].MonthlyCapacity);
        Assert.Equal("outcome.monthlyCapacity", Assert.Throws<DomainRuleException>(() =>
            supplier.VerifyCapability(new SupplierCapability("metal.tools", -1, "pcs", null))).Field);
        Assert.Equal(2, supplier.Capabilities.Count);
    }

    [Theory]
    [InlineData(40.0, 40.5, true)]
    [InlineData(40.0, 100.0, true)]
    [InlineData(40.0, 40.0, false)]
    [InlineData(40.0, 39.0, false)]
    [InlineData(40.0, 100.5, false)]
    [InlineData(null, 0.0, true)]
    [InlineData(null, -0.5, false)]
    public void RaiseLocalContent_OnlyUpAndWithin0To100(double? current, double raised, bool allowed)
    {
        var supplier = New(current is null ? null : (decimal)current.Value);

        if (allowed)
        {
            supplier.RaiseLocalContent((decimal)raised);
            Assert.Equal((decimal?)raised, supplier.TkdnPercent);
        }
        else
        {
            Assert.Equal("outcome.tkdnPercent", Assert.Throws<DomainRuleException>(() => supplier.RaiseLocalContent((decimal)raised)).Field);
            Assert.Equal((decimal?)current, supplier.TkdnPercent);
        }
    }

    [Fact]
    public void Reactivate_IsForAnAdministrator_AndANoOpOnAnActiveSupplier()
    {
        var supplier = New();
        supplier.Reactivate(byAdministrator: false);
        Assert.True(supplier.Active);

        supplier.Deactivate();
        Assert.False(supplier.Active);
        Assert.Throws<InvalidStateTransitionException>(() => supplier.Reactivate(byAdministrator: false));
        Assert.False(supplier.Active);

        supplier.Reactivate(byAdministrator: true);

        Assert.True(supplier.Active);
    }
}
