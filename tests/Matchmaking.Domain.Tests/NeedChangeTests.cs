using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;

namespace Matchmaking.Domain.Tests;

/// <summary>What a need keeps from its profile, and which changes it accepts in which state.</summary>
public sealed class NeedChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Pln = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private static NeedProfile Profile(string title = "Brackets", double? tolerance = 3.5, GeoPoint? location = null) => new(
        title, "For 20 kV lines", ["metal.casting", "metal.casting", "metal.fabrication"], 1500, "pcs", new DateOnly(2027, 3, 31), "33",
        location ?? new GeoPoint(-6.99, 110.42), 2_400_000_000, [CertificationScheme.Sni, CertificationScheme.Sni, CertificationScheme.Iso9001],
        25, 150, true, true, new ScoringWeights(2, 1, 1, 0, 0), RankingMode.Strict, tolerance);

    [Fact]
    public void New_KeepsEveryStatedField_WithoutDuplicateCodes()
    {
        var need = new Need(Guid.Parse("00000000-0000-0000-0000-000000000007"), Pln, Profile(), Now);

        Assert.Equal((Guid.Parse("00000000-0000-0000-0000-000000000007"), Pln, NeedStatus.Open, 0), (need.Id, need.BuyerId, need.Status, need.Version));
        Assert.Equal(("Brackets", "For 20 kV lines", 1500m, "pcs", new DateOnly(2027, 3, 31), "33"),
            (need.Title, need.Description, need.Quantity, need.Unit, need.NeededBy, need.DeliveryProvinceCode));
        Assert.Equal(new GeoPoint(-6.99, 110.42), need.DeliveryLocation);
        Assert.Equal(["metal.casting", "metal.fabrication"], need.CapabilityCodes);
        Assert.Equal([CertificationScheme.Sni, CertificationScheme.Iso9001], need.RequiredCertifications);
        Assert.Equal((2_400_000_000L, 25m, 150.0, true, true), (need.EstimatedValueIdr!.Value, need.MinTkdnPercent!.Value, need.MaxDistanceKm!.Value, need.UmkOnly, need.AllowConsortium));
        Assert.Equal((RankingMode.Strict, 3.5), (need.Ranking, need.ExposureTolerance!.Value));
        Assert.Equal(new ScoringWeights(0.5, 0.25, 0.25, 0, 0), need.Weights);
        Assert.Equal((Now, Now), (need.CreatedAt, need.UpdatedAt));
    }

    [Theory]
    [InlineData(-0.1, false)]
    [InlineData(0.0, true)]
    [InlineData(ExposureRanking.MaxTolerance, true)]
    [InlineData(ExposureRanking.MaxTolerance + 0.1, false)]
    public void ExposureTolerance_IsWithin0AndTheMaximum(double tolerance, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(tolerance, new Need(Guid.NewGuid(), Pln, Profile(tolerance: tolerance), Now).ExposureTolerance);
        }
        else
        {
            Assert.Equal("exposureTolerance", Assert.Throws<DomainRuleException>(() => new Need(Guid.NewGuid(), Pln, Profile(tolerance: tolerance), Now)).Field);
        }
    }

    [Fact]
    public void DeliveryOutsideIndonesia_IsRefused() =>
        Assert.Equal("deliveryLocation", Assert.Throws<DomainRuleException>(() => new Need(Guid.NewGuid(), Pln, Profile(location: new GeoPoint(51.5, -0.1)), Now)).Field);

    [Fact]
    public void AnOpenNeed_TakesNewDetails()
    {
        var need = new Need(Guid.NewGuid(), Pln, Profile(), Now);

        need.Replace(Profile(title: "Cross-arm brackets"));

        Assert.Equal("Cross-arm brackets", need.Title);
    }

    [Fact]
    public void AClosedNeed_RefusesNewDetails_ButAcceptsItsOwnDetailsSentBack()
    {
        var need = new Need(Guid.NewGuid(), Pln, Profile(), Now);
        need.ChangeStatus(NeedStatus.Awarded);
        Assert.Equal(NeedStatus.Awarded, need.Status);

        need.Replace(Profile()); // the same details (duplicates and all): nothing to change

        var error = Assert.Throws<InvalidStateTransitionException>(() => need.Replace(Profile(title: "Other")));
        Assert.Contains("awarded", error.Message, StringComparison.Ordinal);
        Assert.Equal("Brackets", need.Title);
    }

    [Fact]
    public void AFinalStatus_StaysFinal_AndTheSameStatusIsANoOp()
    {
        var need = new Need(Guid.NewGuid(), Pln, Profile(), Now);
        need.ChangeStatus(NeedStatus.Open);
        Assert.Equal(NeedStatus.Open, need.Status);

        need.ChangeStatus(NeedStatus.Cancelled);
        need.ChangeStatus(NeedStatus.Cancelled);

        Assert.Equal(NeedStatus.Cancelled, need.Status);
        Assert.Contains("cancelled", Assert.Throws<InvalidStateTransitionException>(() => need.ChangeStatus(NeedStatus.Open)).Message, StringComparison.Ordinal);
    }
}
