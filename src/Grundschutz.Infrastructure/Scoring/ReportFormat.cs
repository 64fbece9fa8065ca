using System.Globalization;
using Grundschutz.Domain.Scoring;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// German (de-DE) display of report numbers, the same on the page, in the charts and in the downloaded report:
/// „87,5 %“ (truncated, never rounded up to 100 %), „3 von 4“, „23.11.2026“, „1.250,00 €“.
/// </summary>
public static class ReportFormat
{
    /// <summary>Shown for a share over nothing: neither 0 % nor 100 % (docs/scoring.md §2.3).</summary>
    public const string NotApplicable = "nicht anwendbar";

    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>„87,5 %“, truncated to one decimal; <see cref="NotApplicable"/> when undefined.</summary>
    public static string Percent(Ratio ratio) => ratio.Percent(1) is { } percent ? Percent(percent) : NotApplicable;

    /// <summary>A percentage value (0–100) as „87,5 %“.</summary>
    public static string Percent(decimal percent) => percent.ToString("0.#", German) + " %";

    /// <summary>„3 von 4“ (the lenient numerator may be fractional: „4,5 von 8“).</summary>
    public static string Fraction(Ratio ratio) => FractionMessage(ratio).ToString();

    /// <summary>„75 % (3 von 4)“, or <see cref="NotApplicable"/>.</summary>
    public static string PercentWithFraction(Ratio ratio) => PercentWithFractionMessage(ratio).ToString();

    /// <summary>
    /// <see cref="Percent(Ratio)"/> as a message for the pages: the figure as it is (German number format in every
    /// language), „nicht anwendbar“ translatable.
    /// </summary>
    public static MessageText PercentMessage(Ratio ratio) =>
        ratio.Percent(1) is { } percent ? MessageText.Verbatim(Percent(percent)) : NotApplicableMessage();

    /// <summary><see cref="Fraction"/> as a message: „{0} von {1}“ with the German-formatted figures as arguments.</summary>
    public static MessageText FractionMessage(Ratio ratio) =>
        MessageText.Of("{0} von {1}", ratio.Numerator.ToString("0.##", German), ratio.Denominator.ToString("N0", German));

    /// <summary><see cref="PercentWithFraction"/> as a message.</summary>
    public static MessageText PercentWithFractionMessage(Ratio ratio) =>
        ratio.IsDefined ? MessageText.Of("{0} ({1})", Percent(ratio), FractionMessage(ratio)) : NotApplicableMessage();

    /// <summary><see cref="NotApplicable"/> as a message.</summary>
    public static MessageText NotApplicableMessage() => MessageText.Of("nicht anwendbar");

    /// <summary>The percentage as a chart value 0–100, or null when undefined (truncated like the text).</summary>
    public static decimal? ChartPercent(Ratio ratio) => ratio.Percent(1);

    /// <summary>„23.11.2026“.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", German);

    /// <summary>„2026-11-23“ for file names and machine attributes.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>„1.250,00 €“.</summary>
    public static string Money(decimal amount) => amount.ToString("N2", German) + " €";

    /// <summary>A count with German digit grouping: „73.400“.</summary>
    public static string Count(int count) => count.ToString("N0", German);

    /// <summary>A Reifegrad or other small decimal: „2“, „2,5“.</summary>
    public static string Number(decimal value) => value.ToString("0.##", German);

    /// <summary>
    /// The change of a KPI: ratios in percentage points („+12,5 Prozentpunkte“), counts and levels as signed numbers
    /// („−2“), flags as „jetzt erreicht“/„nicht mehr erreicht“/„gleich geblieben“; „–“ when there is nothing to compare.
    /// </summary>
    public static string Delta(KpiDelta kpi) => DeltaMessage(kpi).ToString();

    /// <summary>
    /// <see cref="Delta"/> as a message for the pages. A flag that stayed as it was reads „gleich geblieben“ (not
    /// „unverändert“, whose resource entry would clash with the pages' „Unverändert“: resource names ignore case).
    /// </summary>
    public static MessageText DeltaMessage(KpiDelta kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (kpi.Delta is not { } delta)
        {
            return MessageText.Verbatim("–");
        }

        return kpi.Unit switch
        {
            KpiUnit.Ratio => MessageText.Of("{0} Prozentpunkte", Signed(Math.Round(delta * 100m, 1, MidpointRounding.ToZero))),
            KpiUnit.Flag => delta > 0 ? MessageText.Of("jetzt erreicht") : delta < 0 ? MessageText.Of("nicht mehr erreicht") : MessageText.Of("gleich geblieben"),
            _ => MessageText.Verbatim(Signed(delta)),
        };
    }

    /// <summary>The before or after value of a KPI as text.</summary>
    public static string KpiValue(KpiDelta kpi, bool current) => KpiValueMessage(kpi, current).ToString();

    /// <summary><see cref="KpiValue"/> as a message for the pages.</summary>
    public static MessageText KpiValueMessage(KpiDelta kpi, bool current)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var value = current ? kpi.Current : kpi.Previous;
        var ratio = current ? kpi.CurrentRatio : kpi.PreviousRatio;
        return kpi.Unit switch
        {
            KpiUnit.Ratio => ratio is { } r ? PercentWithFractionMessage(r) : NotApplicableMessage(),
            KpiUnit.Flag => value switch { null => MessageText.Verbatim("–"), 1m => MessageText.Of("ja"), _ => MessageText.Of("nein") },
            _ => MessageText.Verbatim(value is { } v ? Number(v) : "–"),
        };
    }

    private static string Signed(decimal value) =>
        value > 0 ? "+" + value.ToString("0.#", German) : value < 0 ? "−" + (-value).ToString("0.#", German) : "±0";
}
