using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>An exact share „<see cref="Numerator"/> von <see cref="Denominator"/>“.</summary>
/// <param name="Numerator">Counted value (fractional only in the lenient view, teilweise = 0.5).</param>
/// <param name="Denominator">Number of pairs the share is taken over.</param>
/// <param name="Value">Numerator / denominator, unrounded; null when the denominator is 0 („nicht anwendbar“).</param>
/// <param name="Percent">Percentage truncated (never rounded up) to one decimal, as the report shows it; null when not applicable.</param>
public sealed record RatioDto(decimal Numerator, int Denominator, decimal? Value, decimal? Percent)
{
    public static RatioDto From(Ratio ratio) => new(ratio.Numerator, ratio.Denominator, ratio.Value, ratio.Percent());
}
