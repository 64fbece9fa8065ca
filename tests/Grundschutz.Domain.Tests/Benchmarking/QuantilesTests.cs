using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Domain.Tests.Benchmarking;

public sealed class QuantilesTests
{
    // Computed by hand with h = (n − 1)·p:
    // [1,2,3,4]: Q1 h=0.75 → 1 + 0.75·1 = 1.75; median h=1.5 → 2.5; Q3 h=2.25 → 3.25.
    // [10,20,30,40,50]: Q1 h=1 → 20; median h=2 → 30; Q3 h=3 → 40.
    // [0,0.5,0.6,1]: Q1 h=0.75 → 0 + 0.75·0.5 = 0.375; median h=1.5 → 0.55; Q3 h=2.25 → 0.6 + 0.25·0.4 = 0.7.
    // [7]: every quantile is 7.
    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.25, 1.75)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.75, 3.25)]
    [InlineData(new[] { 10.0, 20.0, 30.0, 40.0, 50.0 }, 0.25, 20.0)]
    [InlineData(new[] { 10.0, 20.0, 30.0, 40.0, 50.0 }, 0.5, 30.0)]
    [InlineData(new[] { 10.0, 20.0, 30.0, 40.0, 50.0 }, 0.75, 40.0)]
    [InlineData(new[] { 0.0, 0.5, 0.6, 1.0 }, 0.25, 0.375)]
    [InlineData(new[] { 0.0, 0.5, 0.6, 1.0 }, 0.5, 0.55)]
    [InlineData(new[] { 0.0, 0.5, 0.6, 1.0 }, 0.75, 0.7)]
    [InlineData(new[] { 7.0 }, 0.25, 7.0)]
    [InlineData(new[] { 7.0 }, 1.0, 7.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 1.0, 4.0)]
    public void Type7_SortedValues_InterpolatesLinearly(double[] values, double p, double expected)
    {
        var sorted = values.Select(v => (decimal)v).ToArray();

        Assert.Equal((decimal)expected, Quantiles.Type7(sorted, (decimal)p));
    }

    [Fact]
    public void Type7_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Type7([], 0.5m));
    }

    // Mid-rank: 100 · (below + equal/2) / n.
    [Theory]
    [InlineData(10.0, 10.0)]   // (0 + 0.5) / 5
    [InlineData(30.0, 50.0)]   // (2 + 0.5) / 5
    [InlineData(50.0, 90.0)]   // (4 + 0.5) / 5
    [InlineData(35.0, 60.0)]   // not a peer itself: (3 + 0) / 5
    public void PercentileRank_FiveDistinctValues_MidRank(double value, double expected)
    {
        decimal[] peers = [10m, 20m, 30m, 40m, 50m];

        Assert.Equal((decimal)expected, Quantiles.PercentileRank(peers, (decimal)value));
    }

    [Fact]
    public void PercentileRank_Ties_ShareTheRank()
    {
        decimal[] peers = [0.5m, 0.5m, 0.5m, 1m];

        // (0 + 3/2) / 4 = 37.5
        Assert.Equal(37.5m, Quantiles.PercentileRank(peers, 0.5m));
        // (3 + 1/2) / 4 = 87.5
        Assert.Equal(87.5m, Quantiles.PercentileRank(peers, 1m));
    }

    [Fact]
    public void BoxStatistics_UnsortedValues_FiveNumbers()
    {
        var box = BoxStatistics.Of([40m, 10m, 50m, 30m, 20m, 60m]);

        // sorted 10..60, n=6: Q1 h=1.25 → 22.5; median h=2.5 → 35; Q3 h=3.75 → 47.5
        Assert.NotNull(box);
        Assert.Equal(new BoxStatistics(6, 10m, 22.5m, 35m, 47.5m, 60m), box);
    }

    [Fact]
    public void BoxStatistics_NoValues_Null()
    {
        Assert.Null(BoxStatistics.Of([]));
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(20.0)]
    [InlineData(25.0)]
    [InlineData(50.0)]
    [InlineData(5.0)]
    [InlineData(99.0)]
    public void PercentileRankSorted_SameAsLinearRank(double value)
    {
        decimal[] peers = [10m, 20m, 20m, 20m, 30m, 50m, 50m];

        Assert.Equal(Quantiles.PercentileRank(peers, (decimal)value), Quantiles.PercentileRankSorted(peers, (decimal)value));
    }

    [Fact]
    public void PercentileRankSorted_Ties_ShareTheRank()
    {
        // (1 + 3/2) / 7 = 35.714…
        Assert.Equal(100m * 2.5m / 7m, Quantiles.PercentileRankSorted([10m, 20m, 20m, 20m, 30m, 50m, 50m], 20m));
    }
}
