using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Domain.Tests;

public sealed class SupplierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static SupplierProfile Profile(
        string nib = "9120001234567",
        long? capital = 800_000_000,
        long? revenue = 3_500_000_000,
        GeoPoint? location = null,
        decimal? capacity = 100,
        Certification[]? certifications = null) => new(
        "CV Logam Jaya", nib, LegalForm.Cv, capital, revenue, "33", "3310", location ?? new GeoPoint(-7.7, 110.6),
        ["24310"], "2020", [new SupplierCapability("metal.casting.iron", capacity, "pcs", null)],
        certifications ?? [], 40, 10, false, null, null, null);

    [Fact]
    public void New_DerivesScaleAndStartsActiveAtVersionZero()
    {
        var supplier = new Supplier(Guid.NewGuid(), Profile(), Now);

        Assert.Equal(UmkmScale.Small, supplier.Scale);
        Assert.True(supplier.Active);
        Assert.Equal(0, supplier.Version);
    }

    [Fact]
    public void Replace_RederivesScale()
    {
        var supplier = new Supplier(Guid.NewGuid(), Profile(), Now);

        supplier.Replace(Profile(revenue: 30_000_000_000));

        Assert.Equal(UmkmScale.Medium, supplier.Scale);
    }

    [Fact]
    public void Deactivate_IsIdempotent()
    {
        var supplier = new Supplier(Guid.NewGuid(), Profile(), Now);

        supplier.Deactivate();
        supplier.Deactivate();

        Assert.False(supplier.Active);
    }

    [Theory]
    [InlineData("123", "nib")]
    public void New_WithBadNib_Throws(string nib, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => new Supplier(Guid.NewGuid(), Profile(nib: nib), Now)).Field);

    [Fact]
    public void New_WithNegativeCapital_Throws() =>
        Assert.Equal("businessCapitalIdr", Assert.Throws<DomainRuleException>(() => new Supplier(Guid.NewGuid(), Profile(capital: -1), Now)).Field);

    [Fact]
    public void New_WithNegativeCapacity_Throws() =>
        Assert.Equal("capabilities[0].monthlyCapacity",
            Assert.Throws<DomainRuleException>(() => new Supplier(Guid.NewGuid(), Profile(capacity: -1), Now)).Field);

    [Fact]
    public void New_OutsideIndonesia_Throws() =>
        Assert.Equal("location", Assert.Throws<DomainRuleException>(() => new Supplier(Guid.NewGuid(), Profile(location: new GeoPoint(48.85, 2.35)), Now)).Field);

    [Fact]
    public void New_WithCertificateExpiringBeforeIssue_Throws()
    {
        var backwards = new Certification(CertificationScheme.Sni, "x", "y", new DateOnly(2026, 1, 1), new DateOnly(2025, 1, 1));

        var error = Assert.Throws<DomainRuleException>(() => new Supplier(Guid.NewGuid(), Profile(certifications: [backwards]), Now));

        Assert.Equal("certifications[0].validUntil", error.Field);
    }

    [Theory]
    [InlineData("2027-06-30", true)]
    [InlineData("2027-07-01", false)]
    [InlineData("2024-12-31", false)]
    public void Certification_IsValidOnADateBetweenIssueAndExpiry(string date, bool valid)
    {
        var certificate = new Certification(CertificationScheme.Sni, null, null, new DateOnly(2025, 1, 1), new DateOnly(2027, 6, 30));

        Assert.Equal(valid, certificate.IsValidOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
