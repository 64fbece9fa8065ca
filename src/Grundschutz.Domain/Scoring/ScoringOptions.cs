namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Tunable parameters of the scoring (docs/scoring.md). The defaults follow DOMAIN.md §6.1: the strict
/// view counts teilweise as 0, the labelled lenient view as 0.5; answers count as fresh for 12 months
/// (auditor question "innerhalb der letzten 12 Monate"); Reifegrad 3 needs E_BS ≥ 80 %.
/// </summary>
public sealed record ScoringOptions
{
    /// <summary>The defaults: lenient weight 0.5, 12 months, level-3 threshold 0.8.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>Weight τ of a teilweise answer in the lenient view (display only; the strict view and all gates use 0).</summary>
    public decimal LenientPartialWeight { get; init; } = 0.5m;

    /// <summary>An answer is fresh when its assessment date is at most this many months before today.</summary>
    public int FreshnessMonths { get; init; } = 12;

    /// <summary>Minimum strict E_BS (Grundschutz++: normal-SdT share) of a practice for Reifegrad 3, as a fraction (0.8 = 80 %).</summary>
    public decimal MaturityLevel3StandardThreshold { get; init; } = 0.8m;

    /// <summary>Throws when a value is out of range (weight and threshold 0–1, months ≥ 1).</summary>
    public void Validate()
    {
        if (LenientPartialWeight is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(LenientPartialWeight), LenientPartialWeight, "The weight must lie between 0 and 1.");
        }

        if (FreshnessMonths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FreshnessMonths), FreshnessMonths, "The freshness window must be at least one month.");
        }

        if (MaturityLevel3StandardThreshold is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(MaturityLevel3StandardThreshold), MaturityLevel3StandardThreshold, "The threshold must lie between 0 and 1.");
        }
    }
}
