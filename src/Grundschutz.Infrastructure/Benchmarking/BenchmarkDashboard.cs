using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>Everything the dashboard, its charts and the workbook show for one <see cref="BenchmarkFilter"/>.</summary>
/// <param name="Filter">The filter, with the baseline filled in.</param>
/// <param name="Baseline">The one baseline shown.</param>
/// <param name="Baselines">All baselines with assessments in the Land.</param>
/// <param name="Kreise">Kreise of the Land (filter choices).</param>
/// <param name="Years">Rounds with assessments of the baseline.</param>
/// <param name="MinGroupSize">k.</param>
/// <param name="Suppressed">Why aggregates, charts and the export are withheld (peer group below k); null otherwise.</param>
/// <param name="Rows">The peer group: one row per municipality, by name.</param>
/// <param name="Metrics">Distribution per metric.</param>
/// <param name="Layers">Distribution per layer/practice.</param>
/// <param name="LayerIds">Layer/practice ids in catalogue order (heatmap columns).</param>
/// <param name="Trends">Medians per round.</param>
public sealed record BenchmarkDashboard(
    BenchmarkFilter Filter,
    BenchmarkBaseline Baseline,
    IReadOnlyList<BenchmarkBaseline> Baselines,
    IReadOnlyList<string> Kreise,
    IReadOnlyList<int> Years,
    int MinGroupSize,
    Suppression? Suppressed,
    IReadOnlyList<BenchmarkRow> Rows,
    IReadOnlyList<MetricSummary> Metrics,
    IReadOnlyList<LayerSummary> Layers,
    IReadOnlyList<string> LayerIds,
    IReadOnlyList<TrendSeries> Trends)
{
    /// <summary>Municipalities in the peer group.</summary>
    public int GroupSize => Rows.Count;

    /// <summary>True when aggregates may be shown.</summary>
    public bool IsShown => Suppressed is null;
}
