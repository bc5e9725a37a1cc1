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
}
