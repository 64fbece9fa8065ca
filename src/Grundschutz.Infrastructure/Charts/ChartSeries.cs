namespace Grundschutz.Infrastructure.Charts;

/// <summary>One data series of a chart: a value per category, null where it is „nicht anwendbar“.</summary>
/// <param name="Name">Legend text, e.g. „E_B (Basis)“.</param>
/// <param name="Values">Values in category order (percent 0–100 or Reifegrad 0–5).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);
