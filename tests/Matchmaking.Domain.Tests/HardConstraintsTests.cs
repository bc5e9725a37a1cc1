using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Domain.Tests;

public sealed class HardConstraintsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Need Need(bool umkOnly = false, decimal? minTkdn = null, double? maxKm = null, CertificationScheme[]? certs = null) => new(
        Guid.NewGuid(), Guid.NewGuid(),
        new NeedProfile("x", null, ["metal.fabrication", "metal.surface.galvanizing"], 100, "pcs", new DateOnly(2027, 3, 31), "33",
            new GeoPoint(-6.99, 110.42), null, certs ?? [], minTkdn, maxKm, umkOnly, false, ScoringWeights.Default),
        Now);

    private static Supplier Supplier(string[] codes, long revenue = 1_000_000_000, decimal? tkdn = 50, Certification[]? certs = null) => new(
        Guid.NewGuid(),
        new SupplierProfile("CV", "9120001234567", LegalForm.Cv, null, revenue, "33", null, new GeoPoint(-7.7, 110.6), [], "2020",
            codes.Select(c => new SupplierCapability(c, 10, "pcs", null)).ToList(), certs ?? [], tkdn, 5, false, null, null, null),
        Now);

    [Fact]
    public void QualifyingSupplier_HasNoGaps() =>
        Assert.Empty(HardConstraints.Evaluate(Need(), Supplier(["metal.fabrication.welding", "metal.surface.galvanizing"]), 80, Today));

    [Fact]
    public void EachMissingCode_IsItsOwnGap()
    {
        var gaps = HardConstraints.Evaluate(Need(), Supplier(["metal.casting.iron"]), 80, Today);

        Assert.Equal(["Lacks metal.fabrication", "Lacks metal.surface.galvanizing"], gaps.Select(g => g.Message));
    }

    [Fact]
    public void CertificateExpiringBeforeTheNeed_IsNamedWithItsDate()
    {
        var certificate = new Certification(CertificationScheme.Sni, null, null, null, new DateOnly(2027, 1, 15));
        var supplier = Supplier(["metal.fabrication", "metal.surface.galvanizing"], certs: [certificate]);

        var gap = Assert.Single(HardConstraints.Evaluate(Need(certs: [CertificationScheme.Sni]), supplier, 80, Today));

        Assert.Equal(GapKind.Certification, gap.Kind);
        Assert.Equal("SNI certificate valid until 2027-01-15, before the need's date 2027-03-31", gap.Message);
    }

    [Fact]
    public void TkdnDistanceAndScale_AreGaps()
    {
        var supplier = Supplier(["metal.fabrication", "metal.surface.galvanizing"], revenue: 30_000_000_000, tkdn: 20);

        var gaps = HardConstraints.Evaluate(Need(umkOnly: true, minTkdn: 40, maxKm: 50), supplier, 80, Today);

        Assert.Equal([GapKind.LocalContent, GapKind.Distance, GapKind.Scale], gaps.Select(g => g.Kind));
        Assert.Equal("TKDN 20% is below the required 40%", gaps[0].Message);
        Assert.Equal("80 km from the delivery point, beyond the 50 km limit", gaps[1].Message);
    }

    [Fact]
    public void AnInactiveSupplier_HasThatGap_AndIsOutOfNearMissReach()
    {
        var supplier = Supplier(["metal.fabrication.welding", "metal.surface.galvanizing"]);
        supplier.Deactivate();

        Assert.Equal([(GapKind.Inactive, "Supplier is inactive")], HardConstraints.Evaluate(Need(), supplier, 80, Today).Select(g => (g.Kind, g.Message)));
        Assert.False(HardConstraints.WithinNearMissReach(Need(), supplier, 80));
    }

    [Theory]
    [InlineData(new[] { "metal.fabrication.welding", "metal.surface.galvanizing" }, 200.0, true)]
    [InlineData(new[] { "metal.casting.iron" }, 200.0, true)] // works in the family of every needed code
    [InlineData(new[] { "rubber-plastics.molded" }, 10.0, false)]
    [InlineData(new[] { "metal.casting.iron" }, 200.1, false)] // beyond twice the 100 km limit
    public void NearMissReach_IsTheFamilyOfEveryNeededCode_WithinTwiceTheDistanceLimit(string[] codes, double km, bool within) =>
        Assert.Equal(within, HardConstraints.WithinNearMissReach(Need(maxKm: 100), Supplier(codes), km));

    [Fact]
    public void WithoutADistanceLimit_EveryDistanceIsInReach() =>
        Assert.True(HardConstraints.WithinNearMissReach(Need(), Supplier(["metal.casting"]), 5_000));

    [Theory]
    [InlineData(CertificationScheme.Sni, "No SNI certificate")]
    [InlineData(CertificationScheme.Iso9001, "No ISO 9001 certificate")]
    [InlineData(CertificationScheme.Iso14001, "No ISO 14001 certificate")]
    [InlineData(CertificationScheme.Iso45001, "No ISO 45001 certificate")]
    [InlineData(CertificationScheme.Tkdn, "No TKDN certificate")]
    [InlineData(CertificationScheme.Spln, "No SPLN certificate")]
    [InlineData(CertificationScheme.Halal, "No Halal certificate")]
    [InlineData(CertificationScheme.Other, "No required certificate")]
    public void AMissingCertificate_IsNamed(CertificationScheme scheme, string message)
    {
        var other = new Certification(scheme == CertificationScheme.Sni ? CertificationScheme.Halal : CertificationScheme.Sni, null, null, null, new DateOnly(2099, 1, 1));

        var gap = HardConstraints.Evaluate(Need(certs: [scheme]), Supplier(["metal.fabrication", "metal.surface.galvanizing"], certs: [other]), 80, Today).Single();

        Assert.Equal((GapKind.Certification, message), (gap.Kind, gap.Message));
    }

    [Fact]
    public void AnExpiredCertificate_SaysWhenItExpired_AndTheLatestOneCounts()
    {
        var old = new Certification(CertificationScheme.Sni, null, null, null, new DateOnly(2025, 1, 1));
        var lapsed = new Certification(CertificationScheme.Sni, null, null, null, new DateOnly(2026, 11, 22));
        var today = new Certification(CertificationScheme.Sni, null, null, null, Today);

        Assert.Equal("SNI certificate expired 2026-11-22",
            HardConstraints.Evaluate(Need(certs: [CertificationScheme.Sni]), Supplier(["metal.fabrication", "metal.surface.galvanizing"], certs: [lapsed, old]), 80, Today).Single().Message);
        Assert.Equal("SNI certificate valid until 2026-11-23, before the need's date 2027-03-31",
            HardConstraints.Evaluate(Need(certs: [CertificationScheme.Sni]), Supplier(["metal.fabrication", "metal.surface.galvanizing"], certs: [today]), 80, Today).Single().Message);
        Assert.Empty(HardConstraints.Evaluate(Need(certs: [CertificationScheme.Sni]),
            Supplier(["metal.fabrication", "metal.surface.galvanizing"], certs: [old, new Certification(CertificationScheme.Sni, null, null, null, new DateOnly(2027, 3, 31))]), 80, Today));
    }

    [Theory]
    [InlineData(25.0, null)]
    [InlineData(24.9, "TKDN 24.9% is below the required 25%")]
    [InlineData(null, "TKDN unknown; 25% required")]
    public void LocalContent_AtTheMinimumQualifies(double? tkdn, string? message)
    {
        var gaps = HardConstraints.Evaluate(Need(minTkdn: 25), Supplier(["metal.fabrication", "metal.surface.galvanizing"], tkdn: tkdn is null ? null : (decimal)tkdn), 80, Today);

        Assert.Equal(message is null ? [] : [message], gaps.Select(g => g.Message));
    }

    [Theory]
    [InlineData(false, 30_000_000_000L, 0)]
    [InlineData(true, 15_000_000_000L, 0)]
    [InlineData(true, 15_000_000_001L, 1)]
    public void UmkOnly_LeavesOutMediumSuppliers(bool umkOnly, long revenue, int gaps)
    {
        var found = HardConstraints.Evaluate(Need(umkOnly: umkOnly), Supplier(["metal.fabrication", "metal.surface.galvanizing"], revenue: revenue), 80, Today);

        Assert.Equal(gaps, found.Count);
        Assert.All(found, g => Assert.Equal("Scale medium: the need is reserved for micro and small suppliers", g.Message));
    }
}
