using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>German display of dashboard numbers: percentages truncated to one place (99.96 % is never shown as 100 %).</summary>
public static class BenchmarkFormat
{
    /// <summary>Shown for an undefined value.</summary>
    public const string NotApplicable = "n. a.";

    public static string Value(decimal? value, bool percent) => value is not { } v
        ? NotApplicable
        : percent ? ReportFormat.Percent(Math.Round(v, 1, MidpointRounding.ToZero)) : Math.Round(v, 2, MidpointRounding.ToZero).ToString("0.##", ReportFormat.German);

    public static string Percentile(decimal? value) => value is { } v ? "P " + Math.Round(v, 0, MidpointRounding.ToZero).ToString("0", ReportFormat.German) : "–";
}
