namespace Grundschutz.Domain.Benchmarking;

/// <summary>
/// k-anonymity for benchmarks: an aggregate, chart or export cell computed over fewer than <see cref="MinGroupSize"/>
/// municipalities is suppressed (not shown at all, not even rounded), with <see cref="Suppress"/> in its place.
/// </summary>
public sealed class AnonymityRule
{
    /// <summary>The default k.</summary>
    public const int DefaultMinGroupSize = 5;

    /// <summary>Creates the rule; k below 2 is raised to 2 (a group of one is always identifiable).</summary>
    public AnonymityRule(int minGroupSize = DefaultMinGroupSize)
    {
        MinGroupSize = Math.Max(2, minGroupSize);
    }

    /// <summary>k: the smallest group that may be shown.</summary>
    public int MinGroupSize { get; }

    /// <summary>True when a value over <paramref name="groupSize"/> municipalities must not be shown.</summary>
    public bool IsSuppressed(int groupSize) => groupSize < MinGroupSize;

    /// <summary>Why a value over <paramref name="groupSize"/> municipalities is not shown (shown in its place).</summary>
    public Suppression Suppress(int groupSize) => new(groupSize, MinGroupSize);

    /// <summary>The German explanation shown in place of a suppressed value.</summary>
    public string Explanation(int groupSize) => Suppress(groupSize).ToString();

    /// <summary>The summary of <paramref name="values"/>, or null when it must be suppressed (fewer than k values).</summary>
    public BoxStatistics? Describe(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return IsSuppressed(values.Count) ? null : BoxStatistics.Of(values);
    }

    /// <summary>The percentile rank, or null when the peer group is smaller than k.</summary>
    public decimal? PercentileRank(IReadOnlyCollection<decimal> peers, decimal value)
    {
        ArgumentNullException.ThrowIfNull(peers);
        return IsSuppressed(peers.Count) ? null : Quantiles.PercentileRank(peers, value);
    }
}
