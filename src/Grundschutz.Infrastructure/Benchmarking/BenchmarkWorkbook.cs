using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;
using A = DocumentFormat.OpenXml.Drawing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// The benchmark workbook: „Übersicht“ (what was compared, then one row per municipality), one sheet per KPI and per
/// layer/practice (distribution in the peer group, then the values and percentiles), „Trend“ and „Diagramme“ with the
/// chart images. ClosedXML lays out the cells; the pictures are added afterwards with DocumentFormat.OpenXml, because
/// ClosedXML 0.95's AddPicture needs GDI+ (System.Drawing), which Linux does not have. Only for a peer group of at least
/// k municipalities (the caller checks <see cref="BenchmarkDashboard.IsShown"/>); a layer below k is marked suppressed.
/// </summary>
public static class BenchmarkWorkbook
{
    public const string OverviewSheet = "Übersicht";
    public const string TrendSheet = "Trend";
    public const string ChartsSheet = "Diagramme";

    private const string PercentFormat = "0.0 %";

    /// <summary>Sheet name of a KPI.</summary>
    public static string MetricSheet(BenchmarkMetric metric) => metric switch
    {
        BenchmarkMetric.Basis => "Kennzahl E_B",
        BenchmarkMetric.BasisStandard => "Kennzahl E_BS",
        BenchmarkMetric.Maturity => "Kennzahl Reifegrad",
        BenchmarkMetric.Freshness => "Kennzahl Aktualität",
        BenchmarkMetric.OpenActionItems => "Kennzahl Offene Maßnahmen",
        BenchmarkMetric.OverdueActionItems => "Kennzahl Überfällige",
        BenchmarkMetric.PriorityGaps => "Kennzahl Schwerpunktlücken",
        _ => "Kennzahl " + metric,
    };

    /// <summary>Sheet name of a layer/practice.</summary>
    public static string LayerSheet(string layerId) => "Schicht " + layerId.Replace(':', '_').Replace('/', '_');

    /// <summary>
    /// File name naming what was compared, e.g. <c>Benchmark-Nordrhein-Westfalen-Standard-Absicherung-Kreis-A-2026-11-23.xlsx</c>:
    /// Land, approach, then every filter that narrows the group (Kreis, size class, type, year, submitted ones
    /// included) – two filtered downloads of one day used to get the same name and nothing told them apart.
    /// </summary>
    public static string FileName(BenchmarkDashboard dashboard, string landName, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var filter = dashboard.Filter;
        string?[] parts =
        [
            "Benchmark",
            FileNameText.Part(landName),
            FileNameText.Part(AssessmentTexts.ApproachName(dashboard.Baseline.Approach)),
            filter.Kreis is { } kreis ? FileNameText.Part(kreis, 40) : null,
            filter.SizeClass is { } size ? FileNameText.Part(SizeClassName(size)) : null,
            filter.Type is { } type ? FileNameText.Part(MunicipalityTypeNames.Of(type)) : null,
            filter.Year?.ToString(CultureInfo.InvariantCulture),
            filter.IncludeSubmitted ? "mit-eingereichten" : null,
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ];
        return string.Join('-', parts.Where(p => !string.IsNullOrEmpty(p))) + ".xlsx";
    }

    /// <summary>Writes the workbook.</summary>
    /// <param name="dashboard">The dashboard (shown, i.e. at least k municipalities).</param>
    /// <param name="landName">Name of the Land.</param>
    /// <param name="charts">Charts with their PNG bytes (charts that could not be drawn are left out).</param>
    /// <param name="exportedAt">Export time.</param>
    public static byte[] Build(BenchmarkDashboard dashboard, string landName, IReadOnlyList<(BenchmarkChart Chart, byte[] Png)> charts, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(charts);
        if (!dashboard.IsShown)
        {
            throw new InvalidOperationException("Der Export ist für Vergleichsgruppen unter k Kommunen gesperrt.");
        }

        var gspp = dashboard.Baseline.IsGrundschutzPlusPlus;
        using var workbook = new XLWorkbook();
        Overview(workbook.AddWorksheet(OverviewSheet), dashboard, landName, exportedAt, gspp);
        foreach (var summary in dashboard.Metrics)
        {
            MetricSheetContent(workbook.AddWorksheet(MetricSheet(summary.Metric)), dashboard, summary);
        }

        foreach (var layer in dashboard.Layers)
        {
            LayerSheetContent(workbook.AddWorksheet(LayerSheet(layer.Id)), dashboard, layer, gspp);
        }

        Trend(workbook.AddWorksheet(TrendSheet), dashboard);
        var chartSheet = workbook.AddWorksheet(ChartsSheet);
        chartSheet.Column(1).Width = 120;
        var rows = new List<int>();
        var row = 1;
        foreach (var (chart, png) in charts)
        {
            var cell = chartSheet.Cell(row, 1);
            ExcelText.SetText(cell, chart.Title);
            cell.Style.Font.Bold = true;
            rows.Add(row);
            row += 2 + (int)Math.Ceiling(chart.Height / 20.0);
        }

        foreach (var sheet in workbook.Worksheets)
        {
            PrintSetup(sheet);
            RowHeights.Fit(sheet);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        AddPictures(stream, ChartsSheet, charts.Select((c, i) => (c.Chart, c.Png, Row: rows[i])).ToList());
        return stream.ToArray();
    }

    /// <summary>A4 landscape, one page wide, page numbers – the sheets printed on US Letter, the overview on six pages.</summary>
    private static void PrintSetup(IXLWorksheet sheet)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6).SetHeader(0.3).SetFooter(0.3);
        page.Header.Left.AddText(sheet.Name.Replace("&", "&&", StringComparison.Ordinal));
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Right.AddText(" / ");
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    private static void Overview(IXLWorksheet sheet, BenchmarkDashboard dashboard, string landName, DateTimeOffset exportedAt, bool gspp)
    {
        var filter = dashboard.Filter;
        var baseline = dashboard.Baseline;
        string[][] info =
        [
            ["Land", $"{filter.LandCode} {landName}"],
            ["Katalog", $"{baseline.CatalogTitle} ({baseline.CatalogVersion})"],
            ["Vorgehensweise", AssessmentTexts.ApproachName(baseline.Approach)],
            ["Grundlage", filter.IncludeSubmitted ? "jeweils letzte eingereichte Bewertung" : "jeweils letzte genehmigte Bewertung"],
            ["Kreis", filter.Kreis ?? "alle"],
            ["Größenklasse", filter.SizeClass is { } size ? SizeClassName(size) : "alle"],
            ["Gemeindetyp", filter.Type is { } type ? MunicipalityTypeNames.Of(type) : "alle"],
            ["Bewertungsjahr", filter.Year?.ToString(CultureInfo.InvariantCulture) ?? "jeweils letzte"],
            ["Kommunen in der Vergleichsgruppe", dashboard.GroupSize.ToString(CultureInfo.InvariantCulture)],
            ["Mindestgruppengröße k", dashboard.MinGroupSize.ToString(CultureInfo.InvariantCulture)],
            ["Exportiert am", exportedAt.ToString("dd.MM.yyyy HH:mm", CultureInfo.GetCultureInfo("de-DE")) + " (UTC)"],
        ];
        var title = sheet.Cell(1, 1);
        ExcelText.SetText(title, "Benchmark der Kommunen");
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        for (var i = 0; i < info.Length; i++)
        {
            ExcelText.SetText(sheet.Cell(3 + i, 1), info[i][0]);
            sheet.Cell(3 + i, 1).Style.Font.Bold = true;
            // Counts are numbers (not text), like every other count of the workbook.
            if (int.TryParse(info[i][1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                sheet.Cell(3 + i, 2).SetValue(count);
                sheet.Cell(3 + i, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            }
            else
            {
                ExcelText.SetText(sheet.Cell(3 + i, 2), info[i][1]);
            }
        }

        var header = 4 + info.Length;
        string[] headers =
        [
            "AGS", "Kommune", "Kreis", "Einwohner", "Gemeindetyp", "Bewertung", "Status", "Jahr", "Erreichte Absicherung",
            BenchmarkMetrics.Title(BenchmarkMetric.Basis, gspp), BenchmarkMetrics.Title(BenchmarkMetric.BasisStandard, gspp),
            "Reifegrad", "Aktualität", "Offene Maßnahmen", "Überfällige Maßnahmen",
            .. PriorityTopics.All.Select(t => "Basis-Lücken " + t.Title),
        ];
        // Column A holds the AGS in the table and the labels of the filter summary above it: wide enough for both.
        double[] widths = [33, 30, 30, 12, 18, 36, 14, 8, 12, 14, 14, 11, 12, 12, 12, 16, 16, 16, 16];
        for (var c = 0; c < headers.Length; c++)
        {
            ExcelText.SetText(sheet.Cell(header, c + 1), headers[c]);
            sheet.Cell(header, c + 1).Style.Font.Bold = true;
            sheet.Cell(header, c + 1).Style.Alignment.WrapText = true;
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.PageSetup.SetRowsToRepeatAtTop(header, header);
        var r = header + 1;
        foreach (var row in dashboard.Rows)
        {
            ExcelText.SetText(sheet.Cell(r, 1), row.Ags);
            ExcelText.SetText(sheet.Cell(r, 2), row.Name);
            ExcelText.SetText(sheet.Cell(r, 3), row.Kreis);
            if (row.Population is { } population)
            {
                sheet.Cell(r, 4).SetValue(population);
            }

            ExcelText.SetText(sheet.Cell(r, 5), MunicipalityTypeNames.Of(row.Type));
            ExcelText.SetText(sheet.Cell(r, 6), row.Title);
            ExcelText.SetText(sheet.Cell(r, 7), AssessmentTexts.StateName(row.State));
            sheet.Cell(r, 8).SetValue(row.Year);
            ExcelText.SetText(sheet.Cell(r, 9), StageName(row.Kpis.Stage));
            Fraction(sheet.Cell(r, 10), row.Kpis.Basis.Value);
            Fraction(sheet.Cell(r, 11), row.Kpis.BasisStandard.Value);
            if (row.Kpis.Maturity is { } maturity)
            {
                sheet.Cell(r, 12).SetValue(maturity);
            }

            Fraction(sheet.Cell(r, 13), row.Kpis.Freshness.Value);
            sheet.Cell(r, 14).SetValue(row.Kpis.OpenActionItems);
            sheet.Cell(r, 15).SetValue(row.Kpis.OverdueActionItems);
            for (var t = 0; t < row.Kpis.PriorityGaps.Count; t++)
            {
                sheet.Cell(r, 16 + t).SetValue(row.Kpis.PriorityGaps[t]);
            }

            r++;
        }

        sheet.SheetView.FreezeRows(header);
        if (dashboard.Rows.Count > 0)
        {
            sheet.Range(header, 1, r - 1, headers.Length).SetAutoFilter();
        }

        // What the figures mean, for a reader of the file who never saw the page (one blank row after the table, so
        // the auto-filter range stays the table).
        r++;
        ExcelText.SetText(sheet.Cell(r, 1), "Erläuterung");
        sheet.Cell(r, 1).Style.Font.Bold = true;
        foreach (var note in Notes(gspp, dashboard.MinGroupSize))
        {
            r++;
            ExcelText.SetText(sheet.Cell(r, 1), note);
        }
    }

    /// <summary>The explanations under the overview's table (German, like the rest of the workbook).</summary>
    public static IReadOnlyList<string> Notes(bool grundschutzPlusPlus, int minGroupSize) =>
    [
        "Vergleichsgruppe: je Kommune eine Bewertung – die letzte genehmigte (oder, wenn gewählt, eingereichte) zu Katalog und Vorgehensweise oben.",
        string.Create(CultureInfo.InvariantCulture, $"Mindestgruppengröße: Verteilungen, Perzentile und Diagramme gibt es erst ab {minGroupSize} Kommunen, damit niemand auf eine einzelne Kommune schließen kann; eine Schicht mit weniger Werten ist als unterdrückt markiert."),
        grundschutzPlusPlus
            ? "Umsetzungsgrad MUSS / normal-SdT: Anteil der umgesetzten MUSS-Anforderungen bzw. der Anforderungen des normalen Stands der Technik, gezählt je Anforderung und Zielobjekt; begründet entbehrliche zählen nicht mit."
            : "E_B / E_BS: Anteil der Basis- bzw. Basis- und Standard-Anforderungen mit „ja“, gezählt je Anforderung und Zielobjekt; „teilweise“ zählt nicht, begründet entbehrliche zählen nicht mit.",
        "Erreichte Absicherung: „Standard“, wenn die Ampeln der Basis- und der Standard-Absicherung erreicht sind, „Basis“, wenn nur die der Basis-Absicherung, sonst „keine“.",
        "Perzentil: Anteil der Vergleichsgruppe unter der Kommune in Prozent (gleiche Werte zur Hälfte gezählt); Quartile nach linearer Interpolation (Typ 7, wie QUARTIL.INKL).",
        "Aktualität: Anteil der beantworteten Anforderungen, die in den 12 Monaten vor der Einreichung oder Genehmigung bewertet wurden.",
    ];

    private static void MetricSheetContent(IXLWorksheet sheet, BenchmarkDashboard dashboard, MetricSummary summary)
    {
        Title(sheet, summary.Title);
        var next = Statistics(sheet, 3, [("Wert", summary.Box, summary.Suppressed?.ToString())], summary.IsPercent);
        string[] headers = ["AGS", "Kommune", summary.Title, "Perzentil in der Vergleichsgruppe"];
        Header(sheet, next, headers, [11, 30, 16, 16]);
        var r = next + 1;
        foreach (var row in dashboard.Rows)
        {
            ExcelText.SetText(sheet.Cell(r, 1), row.Ags);
            ExcelText.SetText(sheet.Cell(r, 2), row.Name);
            Number(sheet.Cell(r, 3), BenchmarkMetrics.Value(row.Kpis, summary.Metric), summary.IsPercent);
            if (row.Percentiles.GetValueOrDefault(summary.Metric) is { } percentile)
            {
                sheet.Cell(r, 4).SetValue(percentile);
                sheet.Cell(r, 4).Style.NumberFormat.Format = "0";
            }

            r++;
        }
    }

    private static void LayerSheetContent(IXLWorksheet sheet, BenchmarkDashboard dashboard, LayerSummary layer, bool gspp)
    {
        Title(sheet, $"{layer.Id} {layer.Title}");
        var first = gspp ? "MUSS" : "E_B";
        var second = gspp ? "normal-SdT" : "E_BS";
        var next = Statistics(sheet, 3, [(first, layer.Basis, layer.Basis is null ? layer.Suppressed?.ToString() : null), (second, layer.BasisStandard, layer.BasisStandard is null ? layer.Suppressed?.ToString() : null)], percent: true);
        Header(sheet, next, ["AGS", "Kommune", first, second, "Reifegrad"], [11, 30, 14, 14, 11]);
        var r = next + 1;
        foreach (var row in dashboard.Rows)
        {
            if (row.Kpis.Layers.FirstOrDefault(l => l.Id == layer.Id) is not { } kpis)
            {
                continue;
            }

            ExcelText.SetText(sheet.Cell(r, 1), row.Ags);
            ExcelText.SetText(sheet.Cell(r, 2), row.Name);
            Fraction(sheet.Cell(r, 3), kpis.Basis.Value);
            Fraction(sheet.Cell(r, 4), kpis.BasisStandard.Value);
            if (kpis.Maturity is { } maturity)
            {
                sheet.Cell(r, 5).SetValue(maturity);
            }

            r++;
        }
    }

    private static void Trend(IXLWorksheet sheet, BenchmarkDashboard dashboard)
    {
        Title(sheet, "Entwicklung über die Bewertungsrunden (Median je Runde)");
        var headers = new List<string> { "Jahr" };
        foreach (var series in dashboard.Trends)
        {
            headers.Add(series.Title);
            headers.Add("Anzahl");
        }

        Header(sheet, 3, headers, [.. headers.Select((_, i) => i == 0 ? 8.0 : i % 2 == 1 ? 18.0 : 9.0)]);
        var r = 4;
        foreach (var year in dashboard.Years)
        {
            sheet.Cell(r, 1).SetValue(year);
            for (var s = 0; s < dashboard.Trends.Count; s++)
            {
                var series = dashboard.Trends[s];
                var point = series.Points.First(p => p.Year == year);
                if (point.Median is { } median)
                {
                    Number(sheet.Cell(r, 2 + (2 * s)), median, BenchmarkMetrics.IsPercent(series.Metric));
                }
                else
                {
                    ExcelText.SetText(sheet.Cell(r, 2 + (2 * s)), "unterdrückt");
                }

                sheet.Cell(r, 3 + (2 * s)).SetValue(point.Count);
            }

            r++;
        }
    }

    private static int Statistics(IXLWorksheet sheet, int row, IReadOnlyList<(string Label, BoxStatistics? Box, string? Suppressed)> columns, bool percent)
    {
        string[] labels = ["Anzahl", "Minimum", "Unteres Quartil", "Median", "Oberes Quartil", "Maximum"];
        ExcelText.SetText(sheet.Cell(row, 1), "Verteilung in der Vergleichsgruppe (Quartile: lineare Interpolation, Typ 7)");
        sheet.Cell(row, 1).Style.Font.Bold = true;
        for (var c = 0; c < columns.Count; c++)
        {
            ExcelText.SetText(sheet.Cell(row + 1, 3 + c), columns[c].Label);
            sheet.Cell(row + 1, 3 + c).Style.Font.Bold = true;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            ExcelText.SetText(sheet.Cell(row + 2 + i, 2), labels[i]);
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(row + 2 + i, 3 + c);
                if (columns[c].Box is not { } box)
                {
                    if (i == 0)
                    {
                        ExcelText.SetText(cell, columns[c].Suppressed ?? "unterdrückt");
                    }

                    continue;
                }

                decimal[] values = [box.Count, box.Minimum, box.LowerQuartile, box.Median, box.UpperQuartile, box.Maximum];
                if (i == 0)
                {
                    cell.SetValue(box.Count);
                }
                else
                {
                    Number(cell, values[i], percent);
                }
            }
        }

        return row + labels.Length + 3;
    }

    private static void Title(IXLWorksheet sheet, string text)
    {
        ExcelText.SetText(sheet.Cell(1, 1), text);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 13;
    }

    private static void Header(IXLWorksheet sheet, int row, IReadOnlyList<string> headers, IReadOnlyList<double> widths)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            ExcelText.SetText(sheet.Cell(row, c + 1), headers[c]);
            sheet.Cell(row, c + 1).Style.Font.Bold = true;
            sheet.Cell(row, c + 1).Style.Alignment.WrapText = true;
            sheet.Column(c + 1).Width = Math.Max(sheet.Column(c + 1).Width, widths[c]);
        }
    }

    /// <summary>A percentage metric value (0–100) as a fraction with percent format, other values as plain numbers.</summary>
    private static void Number(IXLCell cell, decimal? value, bool percent)
    {
        if (value is not { } v)
        {
            ExcelText.SetText(cell, BenchmarkFormat.NotApplicable);
            return;
        }

        if (percent)
        {
            Fraction(cell, v / 100m);
        }
        else
        {
            cell.SetValue(v);
            // „0.##“ showed whole numbers with a trailing separator in Excel („4,“); General shows 4 and 4,5.
            cell.Style.NumberFormat.Format = "General";
        }
    }

    private static void Fraction(IXLCell cell, decimal? value)
    {
        if (value is not { } v)
        {
            ExcelText.SetText(cell, BenchmarkFormat.NotApplicable);
            return;
        }

        cell.SetValue(v);
        cell.Style.NumberFormat.Format = PercentFormat;
    }

    /// <summary>German name of a stage.</summary>
    public static string StageName(BenchmarkStage stage) => stage switch
    {
        BenchmarkStage.Standard => "Standard",
        BenchmarkStage.Basis => "Basis",
        _ => "keine",
    };

    /// <summary>German name of a size class.</summary>
    public static string SizeClassName(SizeClass size) => size switch
    {
        SizeClass.Under5000 => "unter 5.000 Einwohner",
        SizeClass.From5000To20000 => "5.000 bis unter 20.000 Einwohner",
        SizeClass.From20000To100000 => "20.000 bis unter 100.000 Einwohner",
        _ => "100.000 Einwohner und mehr",
    };

    /// <summary>Adds the PNGs to the sheet <paramref name="sheetName"/> of the saved workbook in <paramref name="stream"/>, one below the other, with the alt text as picture description.</summary>
    private static void AddPictures(MemoryStream stream, string sheetName, IReadOnlyList<(BenchmarkChart Chart, byte[] Png, int Row)> pictures)
    {
        if (pictures.Count == 0)
        {
            return;
        }

        using var document = SpreadsheetDocument.Open(stream, isEditable: true);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("Workbook part missing.");
        var sheet = workbookPart.Workbook.Descendants<S.Sheet>().First(s => s.Name == sheetName);
        var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        uint id = 1;
        foreach (var (chart, png, row) in pictures)
        {
            var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(png))
            {
                imagePart.FeedData(data);
            }

            const long emuPerPixel = 9525;
            var cx = chart.Width * emuPerPixel;
            var cy = chart.Height * emuPerPixel;
            drawing.Append(new Xdr.OneCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                new Xdr.Extent { Cx = cx, Cy = cy },
                new Xdr.Picture(
                    new Xdr.NonVisualPictureProperties(
                        new Xdr.NonVisualDrawingProperties { Id = ++id, Name = chart.Name, Description = chart.AltText },
                        new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                    new Xdr.BlipFill(new A.Blip { Embed = drawingsPart.GetIdOfPart(imagePart) }, new A.Stretch(new A.FillRectangle())),
                    new Xdr.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
                new Xdr.ClientData()));
        }

        drawingsPart.WorksheetDrawing = drawing;
        var worksheet = worksheetPart.Worksheet;
        var element = new S.Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
        // Schema order: drawing comes after pageSetup/headerFooter and before legacyDrawing, tableParts and extLst.
        var before = worksheet.ChildElements.FirstOrDefault(e => e is S.LegacyDrawing or S.LegacyDrawingHeaderFooter or S.Picture or S.OleObjects or S.Controls or S.WebPublishItems or S.TableParts or S.WorksheetExtensionList);
        if (before is not null)
        {
            worksheet.InsertBefore(element, before);
        }
        else
        {
            worksheet.Append(element);
        }

        worksheet.Save();
    }
}
