using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Domain.Tests;

public sealed class UmkmClassifierTests
{
    private const long Miliar = 1_000_000_000;

    [Theory]
    [InlineData(0, UmkmScale.Micro)]
    [InlineData(2 * Miliar, UmkmScale.Micro)]
    [InlineData((2 * Miliar) + 1, UmkmScale.Small)]
    [InlineData(15 * Miliar, UmkmScale.Small)]
    [InlineData((15 * Miliar) + 1, UmkmScale.Medium)]
    [InlineData(50 * Miliar, UmkmScale.Medium)]
    [InlineData((50 * Miliar) + 1, UmkmScale.Large)]
    public void ByRevenue_FollowsPp7Of2021Thresholds(long revenue, UmkmScale expected) =>
        Assert.Equal(expected, UmkmClassifier.ByRevenue(revenue));

    [Theory]
    [InlineData(1 * Miliar, UmkmScale.Micro)]
    [InlineData((1 * Miliar) + 1, UmkmScale.Small)]
    [InlineData(5 * Miliar, UmkmScale.Small)]
    [InlineData((5 * Miliar) + 1, UmkmScale.Medium)]
    [InlineData(10 * Miliar, UmkmScale.Medium)]
    [InlineData((10 * Miliar) + 1, UmkmScale.Large)]
    public void ByCapital_FollowsPp7Of2021Thresholds(long capital, UmkmScale expected) =>
        Assert.Equal(expected, UmkmClassifier.ByCapital(capital));

    [Fact]
    public void Classify_WhenBothGiven_UsesRevenue()
    {
        var (scale, basis) = UmkmClassifier.Classify(businessCapitalIdr: 20 * Miliar, annualRevenueIdr: 1 * Miliar);

        Assert.Equal(UmkmScale.Micro, scale);
        Assert.Equal(ScaleBasis.AnnualRevenue, basis);
    }

    [Fact]
    public void Classify_WithCapitalOnly_UsesCapital()
    {
        var (scale, basis) = UmkmClassifier.Classify(businessCapitalIdr: 3 * Miliar, annualRevenueIdr: null);

        Assert.Equal(UmkmScale.Small, scale);
        Assert.Equal(ScaleBasis.BusinessCapital, basis);
    }

    [Fact]
    public void Classify_WithNeither_Throws() =>
        Assert.Throws<DomainRuleException>(() => UmkmClassifier.Classify(null, null));

    [Theory]
    [InlineData(UmkmScale.Micro, true)]
    [InlineData(UmkmScale.Small, true)]
    [InlineData(UmkmScale.Medium, false)]
    [InlineData(UmkmScale.Large, false)]
    public void IsUmk_IsMicroOrSmall(UmkmScale scale, bool expected) => Assert.Equal(expected, UmkmClassifier.IsUmk(scale));
}
