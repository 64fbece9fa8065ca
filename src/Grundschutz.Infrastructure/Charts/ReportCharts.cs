using System.Text;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.Extensions.Logging;
using ScottPlot;

namespace Grundschutz.Infrastructure.Charts;

/// <summary>
/// The report charts: Umsetzungsgrad per layer/practice (bars and radar, E_B and E_BS side by side), per module
/// and the Reifegrad profile. Every chart carries an alt text with all its numbers and the same numbers as a
/// table; titles, alt texts, tables and axis labels are built as messages (German by default, the report page passes
/// the reader's language; the downloaded report stays German). Drawn with ScottPlot (SkiaSharp, no GDI) to SVG or PNG, legible in black-and-white print and for
/// colour-blind readers: Okabe-Ito colours that also differ in lightness, the second series hatched (PNG, and in
/// the SVG through <see cref="SvgHatching"/>) and dashed (radar), a value label on every bar, axis labels in the text's language, a fixed 0–100 % (0–5) scale.
/// When the native SkiaSharp library cannot be loaded, rendering returns null and the report shows the tables.
/// </summary>
public sealed class ReportCharts(ILogger<ReportCharts> logger)
{
    /// <summary>Umsetzungsgrad per layer/practice as bars.</summary>
    public const string LayersChart = "schichten";

    /// <summary>The same as a radar chart.</summary>
    public const string LayersRadarChart = "schichten-netz";

    /// <summary>Umsetzungsgrad per module/topic.</summary>
    public const string ModulesChart = "bausteine";

    /// <summary>Reifegrad profile.</summary>
    public const string MaturityChart = "reifegrad";

    /// <summary>All chart names, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = [LayersChart, LayersRadarChart, ModulesChart, MaturityChart];

    // Okabe-Ito: blue (dark in grey scale) and orange (light in grey scale); vermilion for the Reifegrad.
    private const string HatchedFill = "#E69F00";
    private const string HatchStripe = "#5A3E00";
    private static readonly Color[] Palette = [Color.FromHex("#0072B2"), Color.FromHex(HatchedFill), Color.FromHex("#D55E00")];
    private static readonly Color HatchColor = Color.FromHex(HatchStripe);
    private const string FontName = "DejaVu Sans";


    /// <summary>Every chart of the report (charts with nothing to show are left out); texts through <paramref name="text"/> (default German).</summary>
    public IReadOnlyList<ChartData> All(ScoreReport report, CatalogFacts facts, int modules, Func<ITranslatableMessage, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(facts);
        return new[] { Layers(report, facts, text), LayersRadar(report, facts, text), Modules(report, facts, modules, text), Maturity(report, text) }
            .Where(c => c is { IsEmpty: false })
            .Select(c => c!)
            .ToList();
    }

    /// <summary>One chart by name, or null when the name is unknown or the chart has nothing to show.</summary>
    public ChartData? Find(string name, ScoreReport report, CatalogFacts facts, int modules, Func<ITranslatableMessage, string>? text = null) => name switch
    {
        LayersChart => Layers(report, facts, text),
        LayersRadarChart => LayersRadar(report, facts, text),
        ModulesChart => Modules(report, facts, modules, text),
        MaturityChart => Maturity(report, text),
        _ => null,
    } is { IsEmpty: false } chart ? chart : null;

    /// <summary>Strict Umsetzungsgrad per layer (Kompendium: E_B, E_BS) or practice (Grundschutz++: MUSS, normal-SdT) as bars.</summary>
    public static ChartData Layers(ScoreReport report, CatalogFacts facts, Func<ITranslatableMessage, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(facts);
        var gspp = report.Input.IsGrundschutzPlusPlus;
        var unit = new Term(gspp ? "Praktik" : "Schicht");
        return Compliance(LayersChart, MessageText.Of("Umsetzungsgrad je {0}", unit), new Term("Balkendiagramm"), ChartKind.Bars, unit, report.TopGroups, facts, gspp, text ?? MessageText.InGerman);
    }

    /// <summary>The layer chart as a radar (needs at least three layers/practices; otherwise empty).</summary>
    public static ChartData LayersRadar(ScoreReport report, CatalogFacts facts, Func<ITranslatableMessage, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(facts);
        var gspp = report.Input.IsGrundschutzPlusPlus;
        var unit = new Term(gspp ? "Praktik" : "Schicht");
        var scopes = report.TopGroups.Count >= 3 ? report.TopGroups : [];
        return Compliance(LayersRadarChart, MessageText.Of("Umsetzungsgrad je {0} (Netzdiagramm)", unit), new Term("Netzdiagramm"), ChartKind.Radar, unit, scopes, facts, gspp, text ?? MessageText.InGerman);
    }

    /// <summary>
    /// Strict Umsetzungsgrad per module/topic: all of them when there are at most <paramref name="top"/>, otherwise
    /// the <paramref name="top"/> with the lowest E_BS (normal-SdT), lowest first.
    /// </summary>
    public static ChartData Modules(ScoreReport report, CatalogFacts facts, int top, Func<ITranslatableMessage, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(facts);
        var gspp = report.Input.IsGrundschutzPlusPlus;
        var unit = new Term(gspp ? "Thema" : "Baustein");
        IReadOnlyList<ScopeScore> scopes = report.Groups;
        var title = MessageText.Of("Umsetzungsgrad je {0}", unit);
        if (scopes.Count > top)
        {
            scopes = scopes
                .OrderBy(s => Second(s, gspp).Value is null ? 1 : 0)
                .ThenBy(s => Second(s, gspp).Value ?? 0m)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .Take(Math.Max(top, 1))
                .ToList();
            title = gspp
                ? MessageText.Of("Die {0} Themen mit dem niedrigsten Umsetzungsgrad (normal-SdT)", scopes.Count)
                : MessageText.Of("Die {0} Bausteine mit dem niedrigsten Umsetzungsgrad (E_BS)", scopes.Count);
        }

        return Compliance(ModulesChart, title, new Term("Balkendiagramm"), ChartKind.HorizontalBars, unit, scopes, facts, gspp, text ?? MessageText.InGerman);
    }

    /// <summary>The Reifegrad (0–5) per management practice; „nicht bewertet“ practices have no bar.</summary>
    public static ChartData Maturity(ScoreReport report, Func<ITranslatableMessage, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = text ?? MessageText.InGerman;
        var practices = report.Maturity.Practices;
        var gspp = report.Input.IsGrundschutzPlusPlus;
        var unit = new Term(gspp ? "Praktik" : "Managementprozess");
        var unitText = t(MessageText.Of(MessageText.VerbatimFormat, unit));
        var level = t(MessageText.Of("Reifegrad"));
        var notAssessed = MessageText.Of("nicht bewertet");
        var values = practices.Select(p => p.Level is { } value ? (decimal?)value : null).ToList();
        var rows = practices.Select(p => (IReadOnlyList<string>)[p.PracticeId, t(p.LevelTextMessage)]).ToList();
        var overall = report.Maturity.Overall is { } o ? MessageText.Verbatim(o.ToString(ReportFormat.German)) : notAssessed;
        var alt = new StringBuilder(t(MessageText.Of("Balkendiagramm: Reifegrad (0 bis 5) je {0}.", unit))).Append(' ');
        alt.Append(string.Join("; ", practices.Select(p => $"{p.PracticeId}: {(p.Level is { } l ? l.ToString(ReportFormat.German) : t(notAssessed))}")));
        alt.Append(". ").Append(t(MessageText.Of("Gesamt-Reifegrad (Minimum): {0}.", overall)));
        return new ChartData(
            MaturityChart,
            t(MessageText.Of("Reifegrad je {0}", unit)),
            ChartKind.Bars,
            unitText,
            t(MessageText.Of("Reifegrad (0–5)")),
            5,
            IsPercent: false,
            practices.Select(p => p.PracticeId).ToList(),
            [new ChartSeries(level, values)],
            alt.ToString(),
            new ChartTable([unitText, level], rows),
            t(MessageText.Of("n. b.")));
    }

    /// <summary>SVG markup of the chart, or null when it cannot be drawn.</summary>
    public string? RenderSvg(ChartData chart, int width = 0, int height = 0)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = Draw(chart, (plot, w, h) => plot.GetSvgXml(w, h), width, height);
        // ScottPlot's SVG loses the hatching of the second bar series; SvgHatching draws it as an SVG pattern.
        return svg is not null && chart.Kind != ChartKind.Radar && chart.Series.Count > 1
            ? SvgHatching.Apply(svg, HatchedFill, HatchStripe)
            : svg;
    }

    /// <summary>PNG bytes of the chart, or null when it cannot be drawn.</summary>
    public byte[]? RenderPng(ChartData chart, int width = 0, int height = 0)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Draw(chart, (plot, w, h) => plot.GetImageBytes(w, h, ImageFormat.Png), width, height);
    }

    /// <summary>Default pixel size of a chart.</summary>
    public static (int Width, int Height) DefaultSize(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Kind switch
        {
            ChartKind.Radar => (640, 640),
            ChartKind.HorizontalBars => (800, 150 + (24 * chart.Series.Count * chart.Categories.Count)),
            _ => (800, 460),
        };
    }

    private T? Draw<T>(ChartData chart, Func<Plot, int, int, T> render, int width, int height)
        where T : class
    {
        if (chart.IsEmpty)
        {
            return null;
        }

        var (defaultWidth, defaultHeight) = DefaultSize(chart);
        try
        {
            using var plot = Build(chart);
            return render(plot, width > 0 ? width : defaultWidth, height > 0 ? height : defaultHeight);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            // The native SkiaSharp library is missing or unusable on this host: the report falls back to the tables.
            logger.LogWarning(ex, "Diagramm {Chart} konnte nicht gezeichnet werden (SkiaSharp nicht verfügbar).", chart.Name);
            return null;
        }
    }

    private static ChartData Compliance(
        string name, MessageText title, Term kindText, ChartKind kind, Term unit, IReadOnlyList<ScopeScore> scopes, CatalogFacts facts, bool gspp, Func<ITranslatableMessage, string> t)
    {
        // The slice names are the catalogue's own symbols (MUSS, normal-SdT, E_B, E_BS) in every language.
        var firstName = gspp ? "MUSS" : "E_B";
        var secondName = gspp ? "normal-SdT" : "E_BS";
        var unitText = t(MessageText.Of(MessageText.VerbatimFormat, unit));
        var first = scopes.Select(s => ReportFormat.ChartPercent(First(s, gspp))).ToList();
        var second = scopes.Select(s => ReportFormat.ChartPercent(Second(s, gspp))).ToList();
        var rows = scopes
            .Select(s => (IReadOnlyList<string>)[s.Id, facts.GroupTitle(s.Id) ?? "", t(ReportFormat.PercentWithFractionMessage(First(s, gspp))), t(ReportFormat.PercentWithFractionMessage(Second(s, gspp)))])
            .ToList();
        var alt = new StringBuilder(t(MessageText.Of("{0}: strenger Umsetzungsgrad je {1}, {2} und {3} nebeneinander, Skala 0 bis 100 %.", kindText, unit, firstName, secondName))).Append(' ');
        alt.Append(string.Join("; ", scopes.Select(s => $"{s.Id}: {firstName} {t(ReportFormat.PercentMessage(First(s, gspp)))}, {secondName} {t(ReportFormat.PercentMessage(Second(s, gspp)))}")));
        alt.Append('.');
        return new ChartData(
            name,
            t(title),
            kind,
            unitText,
            t(MessageText.Of("Umsetzungsgrad in %")),
            100,
            IsPercent: true,
            scopes.Select(s => s.Id).ToList(),
            [new ChartSeries(firstName, first), new ChartSeries(secondName, second)],
            alt.ToString(),
            new ChartTable([unitText, t(MessageText.Of("Titel")), firstName, secondName], rows),
            t(MessageText.Of("n. a.")));
    }

    private static Ratio First(ScopeScore scope, bool gspp) => gspp ? scope.Muss.Strict : scope.Basis.Strict;

    private static Ratio Second(ScopeScore scope, bool gspp) => gspp ? scope.NormalSdT.Strict : scope.BasisStandard.Strict;

    private static Plot Build(ChartData chart)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(chart.Title);
        if (chart.Kind == ChartKind.Radar)
        {
            BuildRadar(plot, chart);
        }
        else
        {
            BuildBars(plot, chart);
        }

        return plot;
    }

    private static string Label(ChartData chart, decimal? value) =>
        value is not { } v ? chart.MissingValueLabel ?? (chart.IsPercent ? "n. a." : "n. b.") : chart.IsPercent ? ReportFormat.Percent(v) : v.ToString("0.#", ReportFormat.German);

    private static void BuildBars(Plot plot, ChartData chart)
    {
        var horizontal = chart.Kind == ChartKind.HorizontalBars;
        var count = chart.Categories.Count;
        var seriesCount = chart.Series.Count;
        var slot = 0.8 / seriesCount;
        for (var s = 0; s < seriesCount; s++)
        {
            var series = chart.Series[s];
            var color = seriesCount == 1 ? Palette[2] : Palette[s % 2];
            var bars = new List<Bar>(count);
            for (var i = 0; i < count; i++)
            {
                var value = series.Values[i];
                // Horizontal bars count upwards: the first series goes on top, like the first category.
                var offset = (s - ((seriesCount - 1) / 2.0)) * slot;
                var position = horizontal ? count - 1 - i - offset : i + offset;
                var bar = new Bar
                {
                    Position = position,
                    Value = value is { } v ? (double)v : 0,
                    Size = slot * 0.92,
                    FillColor = color,
                    LineColor = Colors.Black,
                    LineWidth = 1,
                    Label = Label(chart, value),
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                };
                if (s % 2 == 1)
                {
                    bar.FillHatch = new ScottPlot.Hatches.Striped();
                    bar.FillHatchColor = HatchColor;
                }

                bars.Add(bar);
            }

            var plottable = plot.Add.Bars(bars);
            if (seriesCount > 1)
            {
                plottable.LegendText = series.Name;
            }

            plottable.Horizontal = horizontal;
            plottable.ValueLabelStyle.FontSize = 12;
            plottable.ValueLabelStyle.FontName = FontName;
        }

        var categoryAxis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom;
        var valueAxis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left;
        var positions = Enumerable.Range(0, count).Select(i => (double)(horizontal ? count - 1 - i : i)).ToArray();
        categoryAxis.SetTicks(positions, [.. chart.Categories]);
        var step = chart.IsPercent ? 20 : 1;
        var ticks = Enumerable.Range(0, ((int)chart.Maximum / step) + 1).Select(t => (double)(t * step)).ToArray();
        valueAxis.SetTicks(ticks, ticks.Select(t => chart.IsPercent ? ReportFormat.Percent((decimal)t) : t.ToString(ReportFormat.German)).ToArray());
        if (horizontal)
        {
            plot.Axes.SetLimits(0, chart.Maximum * 1.15, -0.6, count - 0.4);
            plot.XLabel(chart.ValueAxisLabel);
            plot.YLabel(chart.CategoryAxisLabel);
        }
        else
        {
            plot.Axes.SetLimits(-0.6, count - 0.4, 0, chart.Maximum * 1.1);
            plot.XLabel(chart.CategoryAxisLabel);
            plot.YLabel(chart.ValueAxisLabel);
        }

        if (seriesCount > 1)
        {
            plot.ShowLegend(Edge.Bottom);
        }
    }

    private static void BuildRadar(Plot plot, ChartData chart)
    {
        var radar = plot.Add.Radar();
        radar.PolarAxis.SetSpokes([.. chart.Categories], chart.Maximum * 1.1);
        radar.PolarAxis.SetCircles([20, 40, 60, 80, 100], ["20 %", "40 %", "60 %", "80 %", "100 %"]);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = Palette[s % 2];
            radar.Series.Add(new RadarSeries
            {
                Values = series.Values.Select(v => v is { } value ? (double)value : 0).ToArray(),
                LegendText = series.Name,
                FillColor = color.WithAlpha(0.2),
                LineColor = color,
                LineWidth = 3,
                LinePattern = s % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed,
            });
        }

        plot.HideAxesAndGrid();
        plot.Axes.SquareUnits();
        plot.ShowLegend(Edge.Bottom);
    }
}
