using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>The median of a metric over the municipalities assessed in one round (year); null when suppressed.</summary>
public sealed record TrendPoint(int Year, int Count, decimal? Median, Suppression? Suppressed);
