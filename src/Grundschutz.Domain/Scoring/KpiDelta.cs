namespace Grundschutz.Domain.Scoring;

/// <summary>One KPI before and after.</summary>
/// <param name="Key">Stable machine key, e.g. <c>E_B</c>, <c>coverage</c>.</param>
/// <param name="Label">German label, e.g. „Umsetzungsgrad Basis (E_B)“.</param>
/// <param name="Unit">How to read the values.</param>
/// <param name="Previous">Value before; null when undefined (e.g. nothing applicable).</param>
/// <param name="Current">Value now; null when undefined.</param>
/// <param name="PreviousRatio">For ratios: the exact share before.</param>
/// <param name="CurrentRatio">For ratios: the exact share now.</param>
public sealed record KpiDelta(string Key, string Label, KpiUnit Unit, decimal? Previous, decimal? Current, Ratio? PreviousRatio = null, Ratio? CurrentRatio = null)
{
    /// <summary>Current − previous; null when either is undefined.</summary>
    public decimal? Delta => Previous is { } before && Current is { } now ? now - before : null;
}
