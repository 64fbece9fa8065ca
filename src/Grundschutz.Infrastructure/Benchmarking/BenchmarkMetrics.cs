using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>Titles, units and values of the <see cref="BenchmarkMetric"/>s.</summary>
public static class BenchmarkMetrics
{
    /// <summary>All metrics in display order.</summary>
    public static IReadOnlyList<BenchmarkMetric> All { get; } = Enum.GetValues<BenchmarkMetric>();

    /// <summary>The percentage metrics (drawn together in one box plot and in the trend).</summary>
    public static IReadOnlyList<BenchmarkMetric> Percentages { get; } = [BenchmarkMetric.Basis, BenchmarkMetric.BasisStandard, BenchmarkMetric.Freshness];

    /// <summary>German title; Grundschutz++ names its two compliance slices MUSS and normal-SdT.</summary>
    public static string Title(BenchmarkMetric metric, bool grundschutzPlusPlus) => metric switch
    {
        BenchmarkMetric.Basis => grundschutzPlusPlus ? "Umsetzungsgrad MUSS" : "E_B (Basis)",
        BenchmarkMetric.BasisStandard => grundschutzPlusPlus ? "Umsetzungsgrad normal-SdT" : "E_BS (Basis + Standard)",
        BenchmarkMetric.Maturity => "Reifegrad (0–5)",
        BenchmarkMetric.Freshness => "Aktualität",
        BenchmarkMetric.OpenActionItems => "Offene Maßnahmen",
        BenchmarkMetric.OverdueActionItems => "Überfällige Maßnahmen",
        BenchmarkMetric.PriorityGaps => "Basis-Lücken in Schwerpunktthemen",
        _ => metric.ToString(),
    };

    /// <summary>Stable key for URLs, ids and sheet names.</summary>
    public static string Key(BenchmarkMetric metric) => metric switch
    {
        BenchmarkMetric.Basis => "eb",
        BenchmarkMetric.BasisStandard => "ebs",
        BenchmarkMetric.Maturity => "reifegrad",
        BenchmarkMetric.Freshness => "aktualitaet",
        BenchmarkMetric.OpenActionItems => "offen",
        BenchmarkMetric.OverdueActionItems => "ueberfaellig",
        BenchmarkMetric.PriorityGaps => "schwerpunkte",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>True for percentages (0–100).</summary>
    public static bool IsPercent(BenchmarkMetric metric) => Percentages.Contains(metric);

    /// <summary>The value of one assessment, or null when undefined (ratio over nothing, Reifegrad not assessed).</summary>
    public static decimal? Value(BenchmarkKpis kpis, BenchmarkMetric metric)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return metric switch
        {
            BenchmarkMetric.Basis => Percent(kpis.Basis),
            BenchmarkMetric.BasisStandard => Percent(kpis.BasisStandard),
            BenchmarkMetric.Maturity => kpis.Maturity,
            BenchmarkMetric.Freshness => Percent(kpis.Freshness),
            BenchmarkMetric.OpenActionItems => kpis.OpenActionItems,
            BenchmarkMetric.OverdueActionItems => kpis.OverdueActionItems,
            BenchmarkMetric.PriorityGaps => kpis.PriorityGapsTotal,
            _ => null,
        };
    }

    /// <summary>A ratio in percent, exact (not rounded), or null when undefined.</summary>
    public static decimal? Percent(Ratio ratio) => ratio.Value * 100m;
}
