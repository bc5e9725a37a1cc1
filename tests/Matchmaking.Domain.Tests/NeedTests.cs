using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;

namespace Matchmaking.Domain.Tests;

public sealed class NeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static NeedProfile Profile(decimal quantity = 100) => new(
        "Brackets", null, ["metal.fabrication"], quantity, "pcs", new DateOnly(2027, 3, 31), "33", new GeoPoint(-6.99, 110.42),
        null, [], null, null, false, false, new ScoringWeights(1, 1, 1, 1, 1));

    [Theory]
    [InlineData(NeedStatus.Closed)]
    [InlineData(NeedStatus.Awarded)]
    [InlineData(NeedStatus.Cancelled)]
    public void OpenNeed_MovesToAnyFinalStatus_ThenStays(NeedStatus target)
    {
        var need = new Need(Guid.NewGuid(), Guid.NewGuid(), Profile(), Now);

        need.ChangeStatus(target);

        Assert.Equal(target, need.Status);
        Assert.Throws<InvalidStateTransitionException>(() => need.ChangeStatus(NeedStatus.Open));
    }

    [Fact]
    public void New_NormalisesWeights() =>
        Assert.Equal(0.2, new Need(Guid.NewGuid(), Guid.NewGuid(), Profile(), Now).Weights.Capability, 9);

    [Fact]
    public void New_WithZeroQuantity_Throws() =>
        Assert.Equal("quantity", Assert.Throws<DomainRuleException>(() => new Need(Guid.NewGuid(), Guid.NewGuid(), Profile(0), Now)).Field);
}
