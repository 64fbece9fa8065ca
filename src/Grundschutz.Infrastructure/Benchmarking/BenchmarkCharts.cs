using System.Globalization;
using System.Text;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Infrastructure.Charts;
using Microsoft.Extensions.Logging;
using ScottPlot;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// The dashboard charts, drawn with ScottPlot like the report charts (<see cref="ReportCharts"/>): box plots of the
/// percentage KPIs and of E_BS per layer/practice (median and quartiles, whiskers from minimum to maximum), a heatmap
/// municipality × layer (E_BS, colour-blind-safe Viridis scale with a legend bar) and the medians per round. Every chart
/// has an alt text with its numbers and a table. Nothing is drawn for a peer group below k.
/// </summary>
public sealed class BenchmarkCharts(ILogger<BenchmarkCharts> logger)
{
    public const string DistributionChart = "verteilung";
    public const string LayersChart = "schichten";
    public const string HeatmapChart = "heatmap";
    public const string TrendChart = "trend";

    private const string FontName = "DejaVu Sans";
    private static readonly Color[] Palette = [Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73")];
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];

    /// <summary>The chart texts in German (the texts are German composite format strings, see <see cref="ChartText"/>).</summary>
    public static ChartText German { get; } = (text, args) => args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);

    /// <summary>
    /// All charts of the dashboard (none when it is suppressed; charts without data are left out), with titles, alt
    /// texts, table headers and axis labels in the reader's language (<paramref name="text"/>; default German).
    /// </summary>
    public static IReadOnlyList<BenchmarkChart> All(BenchmarkDashboard dashboard, ChartText? text = null)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        if (!dashboard.IsShown)
        {
            return [];
        }

        var t = text ?? German;
        return new[] { Distribution(dashboard, t), Layers(dashboard, t), Heatmap(dashboard, t), Trend(dashboard, t) }.OfType<BenchmarkChart>().ToList();
    }

    /// <summary>One chart by name, or null.</summary>
    public static BenchmarkChart? Find(BenchmarkDashboard dashboard, string name, ChartText? text = null) =>
        All(dashboard, text).FirstOrDefault(c => c.Name == name);

    /// <summary>Box plots of E_B, E_BS and Aktualität.</summary>
    public static BenchmarkChart? Distribution(BenchmarkDashboard dashboard, ChartText t)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var shown = dashboard.Metrics.Where(m => m.IsPercent && m.Box is not null).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var title = t("Verteilung der Umsetzungsgrade in der Vergleichsgruppe");
        return BoxChart(t, DistributionChart, title, t("Kennzahl"), shown.Select(m => (t(m.Title), m.Box!)).ToList());
    }

    /// <summary>Box plots of E_BS (normal-SdT) per layer/practice.</summary>
    public static BenchmarkChart? Layers(BenchmarkDashboard dashboard, ChartText t)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var shown = dashboard.Layers.Where(l => l.BasisStandard is not null).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var gspp = dashboard.Baseline.IsGrundschutzPlusPlus;
        var unit = t(gspp ? "Praktik" : "Schicht");
        var title = t(gspp ? "Umsetzungsgrad normal-SdT je Praktik" : "E_BS je Schicht");
        return BoxChart(t, LayersChart, title, unit, shown.Select(l => (l.Id, l.BasisStandard!)).ToList());
    }

    /// <summary>Heatmap municipality × layer/practice of E_BS (normal-SdT); empty cells where a layer is not in scope.</summary>
    public static BenchmarkChart? Heatmap(BenchmarkDashboard dashboard, ChartText t)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var rows = dashboard.Rows;
        var layers = dashboard.LayerIds;
        if (rows.Count == 0 || layers.Count == 0)
        {
            return null;
        }

        var gspp = dashboard.Baseline.IsGrundschutzPlusPlus;
        var values = new double[rows.Count, layers.Count];
        var tableRows = new List<IReadOnlyList<string>>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new List<string>(layers.Count + 1) { rows[r].Name };
            for (var c = 0; c < layers.Count; c++)
            {
                var layer = rows[r].Kpis.Layers.FirstOrDefault(l => l.Id == layers[c]);
                var percent = layer is null ? null : BenchmarkMetrics.Percent(layer.BasisStandard);
                values[r, c] = percent is { } p ? (double)p : double.NaN;
                cells.Add(BenchmarkFormat.Value(percent, percent: true));
            }

            tableRows.Add(cells);
        }

        var label = gspp ? "normal-SdT" : "E_BS";
        var unit = t(gspp ? "Praktik" : "Schicht");
        var names = rows.Select(r => r.Name).ToArray();
        var rowHeight = rows.Count <= 40 ? 22 : 10;
        var height = Math.Min(160 + (rowHeight * rows.Count), 6000);
        var alt = t(
            "Heatmap: {0} je Kommune (Zeilen, {1}) und {2} (Spalten: {3}), Farbskala 0 bis 100 %, dunkel = niedrig, hell = hoch; leere Felder: {2} nicht im Umfang. Die Werte stehen in der Tabelle.",
            label, rows.Count, unit, string.Join(", ", layers));
        return new BenchmarkChart(
            HeatmapChart,
            t("{0} je Kommune und {1}", label, unit),
            alt,
            new ChartTable([t("Kommune"), .. layers], tableRows),
            Math.Max(640, 220 + (48 * layers.Count)),
            height,
            plot =>
            {
                var heatmap = plot.Add.Heatmap(values);
                heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
                heatmap.ManualRange = new ScottPlot.Range(0, 100);
                heatmap.NaNCellColor = Colors.White;
                heatmap.FlipVertically = true;
                var bar = plot.Add.ColorBar(heatmap, Edge.Right);
                bar.Label = t("{0} in %", label);
                plot.Axes.Bottom.SetTicks(Enumerable.Range(0, layers.Count).Select(i => (double)i).ToArray(), [.. layers]);
                if (rows.Count <= 40)
                {
                    plot.Axes.Left.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray(), names);
                }
                else
                {
                    plot.Axes.Left.SetTicks([], []);
                    plot.YLabel(t("{0} Kommunen (alphabetisch, Namen in der Tabelle)", rows.Count));
                }

                plot.XLabel(unit);
            });
    }

    /// <summary>Median of E_B, E_BS and Aktualität per round (year); suppressed rounds have no point.</summary>
    public static BenchmarkChart? Trend(BenchmarkDashboard dashboard, ChartText t)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var series = dashboard.Trends.Where(t => BenchmarkMetrics.IsPercent(t.Metric)).ToList();
        var years = dashboard.Years;
        if (years.Count == 0 || series.All(s => s.Points.All(p => p.Median is null)))
        {
            return null;
        }

        var suppressed = t("unterdrückt");
        var alt = new StringBuilder(t("Liniendiagramm: Median je Bewertungsrunde, Skala 0 bis 100 %."));
        alt.Append(' ');
        alt.Append(string.Join("; ", series.Select(s => t(s.Title) + ": " + string.Join(", ", s.Points.Select(p =>
            p.Year.ToString(CultureInfo.InvariantCulture) + " " + (p.Median is { } m ? BenchmarkFormat.Value(m, true) : suppressed))))));
        alt.Append('.');
        var rows = years.Select(y => (IReadOnlyList<string>)[
            y.ToString(CultureInfo.InvariantCulture),
            .. series.Select(s => s.Points.First(p => p.Year == y) is var point && point.Median is { } m
                ? $"{BenchmarkFormat.Value(m, true)} (n = {point.Count})"
                : $"{suppressed} (n = {s.Points.First(p => p.Year == y).Count})")]).ToList();
        return new BenchmarkChart(
            TrendChart,
            t("Entwicklung über die Bewertungsrunden (Median)"),
            alt.ToString(),
            new ChartTable([t("Jahr"), .. series.Select(s => t(s.Title))], rows),
            800,
            460,
            plot =>
            {
                for (var i = 0; i < series.Count; i++)
                {
                    var points = series[i].Points.Where(p => p.Median is not null).ToList();
                    if (points.Count == 0)
                    {
                        continue;
                    }

                    var scatter = plot.Add.Scatter(points.Select(p => (double)p.Year).ToArray(), points.Select(p => (double)p.Median!.Value).ToArray(), Palette[i % Palette.Length]);
                    scatter.LegendText = t(series[i].Title);
                    scatter.LineWidth = 3;
                    scatter.MarkerSize = 9;
                    scatter.LinePattern = Patterns[i % Patterns.Length];
                }

                plot.Axes.Bottom.SetTicks(years.Select(y => (double)y).ToArray(), years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray());
                plot.Axes.SetLimits(years[0] - 0.5, years[^1] + 0.5, 0, 105);
                plot.XLabel(t("Bewertungsrunde (Jahr)"));
                plot.YLabel(t("Median in %"));
                plot.ShowLegend(Edge.Bottom);
            });
    }

    /// <summary>PNG bytes, or null when SkiaSharp is unavailable.</summary>
    public byte[]? RenderPng(BenchmarkChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Render(chart, plot => plot.GetImageBytes(chart.Width, chart.Height, ImageFormat.Png));
    }

    /// <summary>SVG markup, or null when SkiaSharp is unavailable.</summary>
    public string? RenderSvg(BenchmarkChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Render(chart, plot => plot.GetSvgXml(chart.Width, chart.Height));
    }

    private T? Render<T>(BenchmarkChart chart, Func<Plot, T> render)
        where T : class
    {
        try
        {
            using var plot = new Plot();
            plot.Font.Set(FontName);
            plot.Title(chart.Title);
            chart.Draw(plot);
            return render(plot);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            logger.LogWarning(ex, "Diagramm {Chart} konnte nicht gezeichnet werden (SkiaSharp nicht verfügbar).", chart.Name);
            return null;
        }
    }

    private static BenchmarkChart BoxChart(ChartText t, string name, string title, string unit, IReadOnlyList<(string Label, BoxStatistics Box)> boxes)
    {
        var alt = new StringBuilder(t("Boxplot: {0}, Skala 0 bis 100 %; Box von unterem bis oberem Quartil, Strich im Median, Antennen von Minimum bis Maximum.", title));
        alt.Append(' ');
        alt.Append(string.Join("; ", boxes.Select(b => t(
            "{0}: Median {1}, Quartile {2} bis {3}, Spanne {4} bis {5}, n = {6}",
            b.Label, BenchmarkFormat.Value(b.Box.Median, true), BenchmarkFormat.Value(b.Box.LowerQuartile, true), BenchmarkFormat.Value(b.Box.UpperQuartile, true),
            BenchmarkFormat.Value(b.Box.Minimum, true), BenchmarkFormat.Value(b.Box.Maximum, true), b.Box.Count))));
        alt.Append('.');
        var rows = boxes.Select(b => (IReadOnlyList<string>)[
            b.Label,
            b.Box.Count.ToString(CultureInfo.InvariantCulture),
            BenchmarkFormat.Value(b.Box.Minimum, true),
            BenchmarkFormat.Value(b.Box.LowerQuartile, true),
            BenchmarkFormat.Value(b.Box.Median, true),
            BenchmarkFormat.Value(b.Box.UpperQuartile, true),
            BenchmarkFormat.Value(b.Box.Maximum, true)]).ToList();
        return new BenchmarkChart(
            name,
            title,
            alt.ToString(),
            new ChartTable([unit, t("Anzahl"), t("Minimum"), t("Unteres Quartil"), t("Median"), t("Oberes Quartil"), t("Maximum")], rows),
            Math.Max(640, 120 + (90 * boxes.Count)),
            460,
            plot =>
            {
                var items = boxes.Select((b, i) => new Box
                {
                    Position = i,
                    BoxMin = (double)b.Box.LowerQuartile,
                    BoxMax = (double)b.Box.UpperQuartile,
                    BoxMiddle = (double)b.Box.Median,
                    WhiskerMin = (double)b.Box.Minimum,
                    WhiskerMax = (double)b.Box.Maximum,
                    FillColor = Palette[0].WithAlpha(0.35),
                    Width = 0.6,
                }).ToList();
                var plottable = plot.Add.Boxes(items);
                plottable.LineColor = Colors.Black;
                plottable.LineWidth = 2;
                plot.Axes.Bottom.SetTicks(Enumerable.Range(0, boxes.Count).Select(i => (double)i).ToArray(), boxes.Select(b => b.Label).ToArray());
                double[] ticks = [0, 20, 40, 60, 80, 100];
                plot.Axes.Left.SetTicks(ticks, ticks.Select(t => ReportFormat(t)).ToArray());
                plot.Axes.SetLimits(-0.6, boxes.Count - 0.4, 0, 105);
                plot.XLabel(unit);
                plot.YLabel(t("Umsetzungsgrad in %"));
            });
    }

    private static string ReportFormat(double percent) => Scoring.ReportFormat.Percent((decimal)percent);
}

/// <summary>
/// Translates a chart text: <paramref name="german"/> is a German composite format string (the resource key), filled
/// with <paramref name="args"/>; the web layer passes its string localizer, <see cref="BenchmarkCharts.German"/> keeps German.
/// </summary>
public delegate string ChartText(string german, params object[] args);
