namespace Grundschutz.Domain.Benchmarking;

/// <summary>Sample quantiles and percentile ranks over the values of a peer group (docs/benchmarking.md).</summary>
public static class Quantiles
{
    /// <summary>
    /// Quantile by linear interpolation between order statistics (Hyndman &amp; Fan type 7, the default of R and
    /// of Excel's QUARTILE.INC/PERCENTILE.INC): with the values sorted ascending as x[0..n-1], h = (n − 1)·p and
    /// Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Exact in decimal, nothing rounded.
    /// </summary>
    /// <param name="sorted">Values sorted ascending; at least one.</param>
    /// <param name="p">Probability between 0 and 1.</param>
    public static decimal Type7(IReadOnlyList<decimal> sorted, decimal p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("Mindestens ein Wert ist nötig.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);
        var h = (sorted.Count - 1) * p;
        var lower = (int)decimal.Floor(h);
        if (lower >= sorted.Count - 1)
        {
            return sorted[^1];
        }

        return sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower]));
    }

    /// <summary>
    /// Percentile rank of <paramref name="value"/> in <paramref name="peers"/> (which should contain it) by the
    /// mid-rank rule: 100 · (number of peers below + ½ · number of peers equal) / number of peers. The lowest of
    /// five distinct values gets 10, the highest 90, the middle one 50; ties share one rank. Null for no peers.
    /// </summary>
    public static decimal? PercentileRank(IReadOnlyCollection<decimal> peers, decimal value)
    {
        ArgumentNullException.ThrowIfNull(peers);
        if (peers.Count == 0)
        {
            return null;
        }

        var below = peers.Count(v => v < value);
        var equal = peers.Count(v => v == value);
        return 100m * (below + (equal / 2m)) / peers.Count;
    }

    /// <summary>
    /// The same mid-rank percentile as <see cref="PercentileRank"/> over values already sorted ascending, by binary
    /// search (for many rows against one peer group).
    /// </summary>
    public static decimal? PercentileRankSorted(decimal[] sortedPeers, decimal value)
    {
        ArgumentNullException.ThrowIfNull(sortedPeers);
        if (sortedPeers.Length == 0)
        {
            return null;
        }

        var below = LowerBound(sortedPeers, value);
        var equal = LowerBound(sortedPeers, value, strict: false) - below;
        return 100m * (below + (equal / 2m)) / sortedPeers.Length;
    }

    /// <summary>Index of the first element ≥ value (strict) or &gt; value (not strict).</summary>
    private static int LowerBound(decimal[] sorted, decimal value, bool strict = true)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (strict ? sorted[mid] < value : sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
