using Matchmaking.Domain.Matching;

namespace Matchmaking.Domain.Tests;

public sealed class ScoringTests
{
    [Fact]
    public void CapabilityFit_ExactBeatsDescendant_AndCoverageCounts()
    {
        Assert.Equal(1.0, Scoring.CapabilityFit(["metal.casting"], ["metal.casting"]));
        Assert.Equal(0.85, Scoring.CapabilityFit(["metal.casting"], ["metal.casting.iron"]));
        Assert.Equal(0.5, Scoring.CapabilityFit(["metal.casting", "metal.surface.galvanizing"], ["metal.casting"]));
        Assert.Equal(0.0, Scoring.CapabilityFit(["metal.casting"], ["metal.machining.cnc"]));
    }

    [Theory]
    [InlineData(100, 6, 1000, 0.6)]
    [InlineData(500, 6, 1000, 1.0)]
    [InlineData(0, 6, 1000, 0.0)]
    [InlineData(100, 0, 1000, 0.0)]
    public void Capacity_IsMonthlyTimesMonthsOverQuantity_CappedAtOne(double monthly, double months, double quantity, double expected) =>
        Assert.Equal(expected, Scoring.Capacity(monthly, months, quantity), 6);

    [Fact]
    public void MonthsUntil_CountsAverageMonths()
    {
        Assert.Equal(365.25 / Scoring.DaysPerMonth, Scoring.MonthsUntil(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)), 1);
        Assert.Equal(0, Scoring.MonthsUntil(new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(100, 0.5)]
    [InlineData(200, 0.25)]
    [InlineData(300, 0.125)]
    public void Proximity_HalvesEveryHundredKilometres(double km, double expected) => Assert.Equal(expected, Scoring.Proximity(km), 6);

    [Theory]
    [InlineData(0, 0, 0.5)]
    [InlineData(1, 5, 0.625)]
    [InlineData(1, 1, 0.375)]
    [InlineData(10, 5, 0.884615)]
    public void TrackRecord_SmoothsTowardNeutralForNewcomers(int count, double rating, double expected) =>
        Assert.Equal(expected, Scoring.TrackRecord(count, rating), 5);

    [Fact]
    public void LocalContent_IsTkdnShare()
    {
        Assert.Equal(0.455, Scoring.LocalContent(45.5m), 6);
        Assert.Equal(0, Scoring.LocalContent(null));
    }

    [Fact]
    public void Score_IsWeightedSumTimesHundred()
    {
        var components = new ScoreComponents(1.0, 0.8, 0.5, 0.5, 0.4);

        // 0.3·1 + 0.25·0.8 + 0.2·0.5 + 0.15·0.5 + 0.1·0.4 = 0.715
        Assert.Equal(71.5, components.ScoreWith(ScoringWeights.Default));
    }

    [Fact]
    public void Weights_AreNormalised_AndZeroFallsBackToDefaults()
    {
        var normalized = new ScoringWeights(2, 2, 0, 0, 0).Normalized();

        Assert.Equal(0.5, normalized.Capability);
        Assert.Equal(1, normalized.Sum, 9);
        Assert.Equal(ScoringWeights.Default, new ScoringWeights(0, 0, 0, 0, 0).Normalized());
    }
}
