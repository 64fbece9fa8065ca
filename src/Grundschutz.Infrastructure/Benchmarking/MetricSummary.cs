using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>Distribution of one metric in the peer group; <see cref="Box"/> is null and <see cref="Suppressed"/> says why when fewer than k values exist.</summary>
public sealed record MetricSummary(BenchmarkMetric Metric, string Title, bool IsPercent, int Count, BoxStatistics? Box, Suppression? Suppressed);
