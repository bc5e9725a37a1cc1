using Matchmaking.Domain.Matching;

namespace Matchmaking.Domain.Tests;

public sealed class ExposureRankingTests
{
    private static readonly Guid Need = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");

    private sealed record Entry(Guid Id, double Score, double Exposure);

    private static Entry E(int n, double score, double exposure = 0) => new(new Guid(n, 0, 0, new byte[8]), score, exposure);

    private static List<(Entry Item, bool Lifted)> Order(IEnumerable<Entry> entries, RankingMode mode = RankingMode.Balanced, double tolerance = 2) =>
        ExposureRanking.Order(entries, Need, e => e.Id, e => e.Score, e => e.Exposure, mode, tolerance);

    [Fact]
    public void Within_the_tolerance_the_least_exposed_comes_first_and_says_it_was_lifted()
    {
        var ranked = Order([E(1, 90, exposure: 3), E(2, 89.5, exposure: 0), E(3, 88.5, exposure: 1)]);

        Assert.Equal([2, 3, 1], ranked.Select(r => r.Item.Id.ToByteArray()[0]));
        Assert.Equal([true, true, false], ranked.Select(r => r.Lifted));
    }

    [Fact]
    public void Merit_beyond_the_tolerance_is_never_overtaken()
    {
        var ranked = Order([E(1, 95, exposure: 100), E(2, 92.9, exposure: 0), E(3, 92, exposure: 0)]);

        Assert.Equal(1, ranked[0].Item.Id.ToByteArray()[0]);
        Assert.False(ranked[0].Lifted);
    }

    [Fact]
    public void Bands_are_anchored_at_their_best_score()
    {
        // 90 and 88 are within 2; 87.5 is not within 2 of 90, so it starts the next band even though it is within 2 of 88.
        var ranked = Order([E(1, 90, exposure: 5), E(2, 88, exposure: 1), E(3, 87.5, exposure: 0)]);

        Assert.Equal([2, 1, 3], ranked.Select(r => r.Item.Id.ToByteArray()[0]));
    }

    [Fact]
    public void Strict_mode_orders_by_merit_then_the_hash_and_lifts_nobody()
    {
        var entries = Enumerable.Range(1, 20).Select(n => E(n, 50, exposure: n)).ToList();
        var ranked = Order(entries, RankingMode.Strict);

        Assert.Equal(entries.OrderBy(e => ExposureRanking.TieBreak(Need, e.Id)).Select(e => e.Id), ranked.Select(r => r.Item.Id));
        Assert.All(ranked, r => Assert.False(r.Lifted));
        Assert.NotEqual(entries.Select(e => e.Id), ranked.Select(r => r.Item.Id)); // not registration order
    }

    [Fact]
    public void The_reach_of_the_top_includes_the_whole_last_band()
    {
        var sorted = new[] { 99.0, 98.5, 97.9, 97.5, 95.0 };

        Assert.Equal(4, ExposureRanking.ReachOfTop(sorted, s => s, count: 2, tolerance: 2));
        Assert.Equal(2, ExposureRanking.ReachOfTop(sorted, s => s, count: 2, tolerance: 0));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(3, 0.5)]
    [InlineData(7, 1.0 / 3)]
    public void Position_weights_follow_the_logarithmic_discount(int rank, double weight) =>
        Assert.Equal(weight, ExposureRanking.PositionWeight(rank), precision: 12);
}
