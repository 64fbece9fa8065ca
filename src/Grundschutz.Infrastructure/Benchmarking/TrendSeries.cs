namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>A metric across the assessment rounds.</summary>
public sealed record TrendSeries(BenchmarkMetric Metric, string Title, IReadOnlyList<TrendPoint> Points);
