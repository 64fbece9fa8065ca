using System.Globalization;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// An exact share "<see cref="Numerator"/> von <see cref="Denominator"/>" (e.g. 17 von 20). Nothing is
/// rounded; <see cref="Value"/> is null when the denominator is 0 ("nicht anwendbar" – neither 0 % nor 100 %).
/// </summary>
/// <param name="Numerator">Counted value; whole for counts, may be fractional in the lenient view (teilweise = 0.5).</param>
/// <param name="Denominator">Number of pairs the share is taken over.</param>
public readonly record struct Ratio(decimal Numerator, int Denominator)
{
    /// <summary>Numerator / denominator as an exact decimal, or null when the denominator is 0.</summary>
    public decimal? Value => Denominator == 0 ? null : Numerator / Denominator;

    /// <summary>True when there is something to divide by.</summary>
    public bool IsDefined => Denominator > 0;

    /// <summary>True for exactly 100 % (defined and numerator equals denominator).</summary>
    public bool IsComplete => Denominator > 0 && Numerator == Denominator;

    /// <summary>
    /// Percentage for display, truncated (not rounded) to <paramref name="decimals"/> places so that
    /// 99.96 % is never shown as 100 %; null when not defined.
    /// </summary>
    public decimal? Percent(int decimals = 1) =>
        Value is { } value ? Math.Round(value * 100m, decimals, MidpointRounding.ToZero) : null;

    /// <summary>Machine form "17/20" (culture-invariant).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
