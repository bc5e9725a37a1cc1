using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Domain.Tests;

public sealed class IdentifierAndGeoTests
{
    [Theory]
    [InlineData("9120001234567", true)]
    [InlineData("912000123456", false)]
    [InlineData("91200012345678", false)]
    [InlineData("912000123456a", false)]
    [InlineData("９１２０００１２３４５６７", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Nib_IsExactlyThirteenAsciiDigits(string? nib, bool valid) => Assert.Equal(valid, Identifiers.IsValidNib(nib));

    [Theory]
    [InlineData("24310", true)]
    [InlineData("2431", false)]
    [InlineData("243100", false)]
    [InlineData("2431a", false)]
    public void Kbli_IsFiveDigits(string code, bool valid) => Assert.Equal(valid, Identifiers.IsValidKbli(code));

    [Theory]
    [InlineData("3310", "33", true)]
    [InlineData("3515", "33", false)]
    [InlineData("331", "33", false)]
    [InlineData("33100", "33", false)]
    [InlineData("33a0", "33", false)]
    public void Regency_StartsWithItsProvince(string regency, string province, bool valid) =>
        Assert.Equal(valid, Identifiers.IsRegencyOf(regency, province));

    [Theory]
    [InlineData(-7.70, 110.61, true)]    // Klaten
    [InlineData(5.89, 95.32, true)]      // Sabang
    [InlineData(-8.49, 140.40, true)]    // Merauke
    [InlineData(-10.75, 123.07, true)]   // Rote
    [InlineData(1.35, 103.82, true)]     // the box is coarse: Singapore lies inside it
    [InlineData(40.7, -74.0, false)]
    [InlineData(-12.5, 110.0, false)]
    [InlineData(-7.0, 142.0, false)]
    public void InsideIndonesia_UsesTheArchipelagoBox(double latitude, double longitude, bool inside) =>
        Assert.Equal(inside, new GeoPoint(latitude, longitude).IsInsideIndonesia);

    [Fact]
    public void Distance_KlatenToSemarang_IsAboutNinetyKilometres()
    {
        var klaten = new GeoPoint(-7.7056, 110.6064);
        var semarang = new GeoPoint(-6.9932, 110.4203);

        Assert.InRange(klaten.DistanceKmTo(semarang), 80, 85);
        Assert.Equal(0, klaten.DistanceKmTo(klaten), 6);
    }

    [Fact]
    public void Distance_JakartaToJayapura_IsAboutThreeThousandSevenHundredKilometres() =>
        Assert.InRange(new GeoPoint(-6.2088, 106.8456).DistanceKmTo(new GeoPoint(-2.5337, 140.7181)), 3700, 3800);

    [Theory]
    [InlineData("metal.casting.iron", "metal.casting", true)]
    [InlineData("metal.casting", "metal.casting", true)]
    [InlineData("metal.casting.iron", "metal", true)]
    [InlineData("metal.casting", "metal.casting.iron", false)]
    [InlineData("metal.castingx", "metal.casting", false)]
    [InlineData("metal.machining.cnc", "metal.casting", false)]
    public void Capability_DescendantsMeetTheirAncestors(string code, string ancestor, bool expected) =>
        Assert.Equal(expected, Capability.IsSameOrDescendant(code, ancestor));

    [Fact]
    public void Catalog_RejectsAnUnknownParent() =>
        Assert.Throws<InvalidOperationException>(() => new ReferenceCatalog([], [new Capability("a.b", "a", "A", "A", [])]));
}
