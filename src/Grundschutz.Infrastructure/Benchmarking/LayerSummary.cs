using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>Distribution of E_B and E_BS of one layer/practice in the peer group (null when suppressed).</summary>
public sealed record LayerSummary(string Id, string Title, int Count, BoxStatistics? Basis, BoxStatistics? BasisStandard, Suppression? Suppressed);
