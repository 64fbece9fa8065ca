using System.Net;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Benchmarks;

/// <summary>The auditor dashboard on <see cref="BenchmarkScenario"/>: numbers by hand, filters, k suppression, access and the workbook.</summary>
public sealed class BenchmarkDashboardTests(BenchmarkScenario scenario) : IClassFixture<BenchmarkScenario>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string Text(AngleSharp.Dom.IElement? element) => element?.TextContent.Trim() ?? throw new InvalidOperationException("Element missing.");

    [Fact]
    public async Task Dashboard_AuditorOfLand_QuartilesAndPercentilesFromTheAnswers()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks");

        var baseline = Text(page.QuerySelector("#benchmark-baseline"));
        Assert.Contains("Nordrhein-Westfalen", baseline, StringComparison.Ordinal);
        Assert.Contains("Standard-Absicherung", baseline, StringComparison.Ordinal);
        Assert.Contains("jeweils letzte genehmigte Bewertung", baseline, StringComparison.Ordinal);
        var eb = page.QuerySelectorAll("#metric-eb td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["5", "0 %", "25 %", "50 %", "75 %", "100 %"], eb);
        var ebs = page.QuerySelectorAll("#metric-ebs td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["5", "50 %", "62,5 %", "75 %", "87,5 %", "100 %"], ebs);
        // Open items 0..4: median 2.
        Assert.Equal("2", Text(page.QuerySelector("#metric-offen .metric-median")));
        Assert.Equal("75 % (P 70)", Text(page.QuerySelector("#row-05314000 .row-eb")));
        Assert.Equal("87,5 % (P 70)", Text(page.QuerySelector("#row-05314000 .row-ebs")));
        Assert.Equal("1", Text(page.QuerySelector("#row-05314000 .row-open")));
        Assert.Equal("keine", Text(page.QuerySelector("#row-05314000 .row-stage")));
        Assert.Equal("Standard", Text(page.QuerySelector("#row-05334002 .row-stage")));
        // ISMS layer E_B over [100, 50, 0, 0, 0]: median 0 %.
        Assert.StartsWith("0 %", page.QuerySelectorAll("#layer-ISMS td")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("#benchmark-rows tbody tr").Length);
        Assert.DoesNotContain("Frankfurt", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#chart-verteilung-image"));
        Assert.NotNull(page.QuerySelector("#chart-heatmap-table"));
    }

    /// <summary>WCAG 3.1.2: the catalogue's title and layer titles carry the catalogue version's language.</summary>
    [Fact]
    public async Task Dashboard_CatalogueTexts_CarryTheirVersionsLanguage()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);
        var page = await Html.GetDocumentAsync(client, Html.English("/Benchmarks"));
        var versionId = scenario.KompendiumVersionId;

        Assert.Equal("de", page.QuerySelector("#benchmark-catalog")!.GetAttribute("lang"));
        Assert.Equal("de", page.QuerySelector("#layer-ISMS th")!.GetAttribute("lang"));

        await SetLanguageAsync(versionId, "en");
        try
        {
            var english = await Html.GetDocumentAsync(client, "/Benchmarks");
            Assert.Equal("en", english.QuerySelector("#benchmark-catalog")!.GetAttribute("lang"));
            Assert.Equal("en", english.QuerySelector("#layer-ISMS th")!.GetAttribute("lang"));
        }
        finally
        {
            await SetLanguageAsync(versionId, "de");
        }
    }

    private async Task SetLanguageAsync(int versionId, string language)
    {
        await using var scope = scenario.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(1, await db.CatalogVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(u => u.SetProperty(v => v.Language, language)));
    }

    [Fact]
    public async Task Dashboard_FirstVisit_BackfillsOneSnapshotPerAssessment()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        await Html.GetDocumentAsync(client, "/Benchmarks");

        await using var scope = scenario.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var snapshots = await db.KpiSnapshots.AsNoTracking().Where(s => scenario.Assessments.Contains(s.AssessmentId)).ToListAsync();
        Assert.Equal(5, snapshots.Count);
        var bonn = snapshots.Single(s => s.AssessmentId == scenario.Assessments[1]);
        Assert.Equal((3, 4, 7, 8), (bonn.BasisJa, bonn.BasisPairs, bonn.BasisStandardJa, bonn.BasisStandardPairs));
    }

    [Fact]
    public async Task KreisFilter_FourMunicipalities_EverythingAggregatedIsSuppressed()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks?kreis=" + Uri.EscapeDataString("Kreis A"));

        Assert.Equal(
            "Keine Auswertung: Unterdrückt: nur 4 Kommunen in der Gruppe, mindestens 5 nötig (Schutz vor Rückschlüssen auf einzelne Kommunen).",
            Text(page.QuerySelector("#benchmark-suppressed p")));
        var english = await Html.GetDocumentAsync(client, "/Benchmarks?culture=en&kreis=" + Uri.EscapeDataString("Kreis A"));
        Assert.EndsWith(
            "Suppressed: only 4 municipalities in the group, at least 5 needed (protection against conclusions about single municipalities).",
            Text(english.QuerySelector("#benchmark-suppressed p")), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#kpi-distribution"));
        Assert.Null(page.QuerySelector("#layer-distribution"));
        Assert.Null(page.QuerySelector("#benchmark-excel"));
        Assert.Empty(page.QuerySelectorAll("figure"));
        Assert.Equal(4, page.QuerySelectorAll("#benchmark-rows tbody tr").Length);
        Assert.Equal("75 %", Text(page.QuerySelector("#row-05314000 .row-eb")));

        var excel = await client.GetAsync("/Benchmarks?handler=Excel&kreis=" + Uri.EscapeDataString("Kreis A"));
        Assert.Equal(HttpStatusCode.Conflict, excel.StatusCode);
        Assert.NotEqual(Xlsx, excel.Content.Headers.ContentType?.MediaType);
        var chart = await client.GetAsync("/Benchmarks?handler=Chart&name=verteilung&kreis=" + Uri.EscapeDataString("Kreis A"));
        Assert.Equal(HttpStatusCode.NotFound, chart.StatusCode);
    }

    [Fact]
    public async Task KreisFilter_OtherKreis_OnlyItsMunicipality()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks?kreis=" + Uri.EscapeDataString("Kreis B"));

        var rows = page.QuerySelectorAll("#benchmark-rows tbody tr");
        Assert.Single(rows);
        Assert.Equal("row-05513000", rows[0].Id);
        Assert.Contains("nur 1 Kommune", Text(page.QuerySelector("#benchmark-suppressed")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SizeFilter_NoMunicipalityInClass_EmptyGroupSuppressed()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks?groesse=4");

        Assert.Empty(page.QuerySelectorAll("#benchmark-rows tbody tr"));
        Assert.NotNull(page.QuerySelector("#benchmark-suppressed"));
    }

    [Fact]
    public async Task AuditorOfOtherLand_SeesOnlyHisLandAndNotFoundForNrw()
    {
        var client = await scenario.SignInAsync(scenario.AuditorHessen);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks");
        var nrw = await client.GetAsync("/Benchmarks?land=05");
        var nrwExcel = await client.GetAsync("/Benchmarks?land=05&handler=Excel");

        var text = page.Body!.TextContent;
        Assert.Contains("Frankfurt am Main", text, StringComparison.Ordinal);
        foreach (var (_, name, _) in BenchmarkScenario.Nrw)
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, nrw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nrwExcel.StatusCode);
        var nrwHtml = await nrw.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bonn", nrwHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Isb)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Administrator)]
    public async Task OtherRoles_Forbidden(string role)
    {
        var user = role == Roles.Isb ? scenario.IsbBonn : await scenario.Seed.UserAsync("benchmark-" + role.ToLowerInvariant(), role);
        var client = await scenario.SignInAsync(user);

        var response = await client.GetAsync("/Benchmarks");
        var excel = await client.GetAsync("/Benchmarks?handler=Excel");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, excel.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Dortmund", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_RedirectedToLogin()
    {
        var client = scenario.Factory.CreateBrowserClient();

        var response = await client.GetAsync("/Benchmarks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_InEnglish_TitleAltTextTableAndImage_German_Unchanged()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var german = await Html.GetDocumentAsync(client, "/Benchmarks");
        Assert.StartsWith("Verteilung der Umsetzungsgrade in der Vergleichsgruppe.", Text(german.QuerySelector("#chart-verteilung figcaption")), StringComparison.Ordinal);
        Assert.StartsWith("Boxplot: Verteilung der Umsetzungsgrade", german.QuerySelector("#chart-verteilung-image")!.GetAttribute("alt"), StringComparison.Ordinal);

        var english = await Html.GetDocumentAsync(client, "/Benchmarks?culture=en");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Distribution of implementation levels in the peer group.", Text(english.QuerySelector("#chart-verteilung figcaption")), StringComparison.Ordinal);
        var alt = english.QuerySelector("#chart-verteilung-image")!.GetAttribute("alt")!;
        Assert.StartsWith("Box plot: Distribution of implementation levels in the peer group, scale 0 to 100 %; box from lower to upper quartile", alt, StringComparison.Ordinal);
        // The E_BS box of the distribution, numbers as on the German page (5 values 50 … 100 %).
        Assert.Contains("E_BS (Basis + Standard): median 75 %, quartiles 62,5 % to 87,5 %, range 50 % to 100 %, n = 5", alt, StringComparison.Ordinal);
        Assert.DoesNotContain("Quartil", alt, StringComparison.Ordinal);
        var headers = english.QuerySelectorAll("#chart-verteilung-table th[scope='col']").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Indicator", "Count", "Minimum", "Lower quartile", "Median", "Upper quartile", "Maximum"], headers);
        Assert.Equal("Municipality", english.QuerySelectorAll("#chart-heatmap-table th[scope='col']")[0].TextContent.Trim());
        // A key that differs from another only in case ("offene Maßnahmen") used to be dropped from the compiled resources.
        Assert.Equal("Open action items", Text(english.QuerySelector("#metric-offen th")));

        var svg = await client.GetStringAsync("/Benchmarks?handler=Chart&name=verteilung&culture=en");
        Assert.Contains("Implementation level in %", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Umsetzungsgrad", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_Png_IsAPicture()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var response = await client.GetAsync("/Benchmarks?handler=Chart&name=verteilung&format=png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Fact]
    public async Task Excel_ReopenedWorkbook_OverviewKpiAndLayerSheetsAndPictures()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var response = await client.GetAsync("/Benchmarks?handler=Excel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Benchmark-Nordrhein-Westfalen-Standard-Absicherung-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // ClosedXML 0.95 loads pictures through GDI+, which Linux lacks: the cells are read from a copy without the
        // drawing; the pictures themselves are checked with DocumentFormat.OpenXml below.
        using (var workbook = new XLWorkbook(WithoutDrawings(bytes)))
        {
            var overview = workbook.Worksheet(BenchmarkWorkbook.OverviewSheet);
            var header = overview.RowsUsed().First(r => r.Cell(1).GetString() == "AGS").RowNumber();
            var rows = Enumerable.Range(header + 1, 5).Select(r => overview.Row(r)).ToList();
            Assert.Equal(["Aachen", "Bonn", "Dortmund", "Essen", "Gelsenkirchen"], rows.Select(r => r.Cell(2).GetString()));
            Assert.Equal(0.75, rows[1].Cell(10).GetDouble(), 6);
            Assert.Equal(0.875, rows[1].Cell(11).GetDouble(), 6);
            Assert.True(overview.Row(header + 6).IsEmpty());
            // Under the table, after a blank row: what the figures mean (the file travels without the page).
            Assert.Equal("Erläuterung", overview.Cell(header + 7, 1).GetString());
            Assert.Equal(BenchmarkWorkbook.Notes(false, 5), Enumerable.Range(header + 8, 6).Select(r => overview.Cell(r, 1).GetString()));
            Assert.StartsWith("E_B / E_BS: Anteil der Basis-", overview.Cell(header + 10, 1).GetString(), StringComparison.Ordinal);
            Assert.Contains("erst ab 5 Kommunen", overview.Cell(header + 9, 1).GetString(), StringComparison.Ordinal);

            var eb = workbook.Worksheet(BenchmarkWorkbook.MetricSheet(BenchmarkMetric.Basis));
            var median = eb.RowsUsed().First(r => r.Cell(2).GetString() == "Median");
            Assert.Equal(0.5, median.Cell(3).GetDouble(), 6);
            var bonn = eb.RowsUsed().First(r => r.Cell(2).GetString() == "Bonn");
            Assert.Equal(70, bonn.Cell(4).GetDouble(), 6);
            Assert.True(workbook.TryGetWorksheet(BenchmarkWorkbook.LayerSheet("ISMS"), out _));
            Assert.True(workbook.TryGetWorksheet(BenchmarkWorkbook.LayerSheet("SYS"), out _));
            Assert.True(workbook.TryGetWorksheet(BenchmarkWorkbook.TrendSheet, out _));

            // What a reader sees: German type names (not the enum), counts as numbers, every sheet set up for A4
            // landscape one page wide, the overview's table header repeated on each printed page.
            Assert.All(rows, r => Assert.Contains(r.Cell(5).GetString(), MunicipalityTypeNames.All.Select(t => t.Name)));
            var groupSize = overview.RowsUsed().First(r => r.Cell(1).GetString() == "Kommunen in der Vergleichsgruppe").Cell(2);
            Assert.Equal(XLDataType.Number, groupSize.DataType);
            Assert.Equal(5, groupSize.GetValue<int>());
            Assert.All(workbook.Worksheets, w =>
            {
                Assert.Equal(XLPaperSize.A4Paper, w.PageSetup.PaperSize);
                Assert.Equal(XLPageOrientation.Landscape, w.PageSetup.PageOrientation);
                Assert.Equal(1, w.PageSetup.PagesWide);
            });
            Assert.Equal(header, overview.PageSetup.FirstRowToRepeatAtTop);
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == BenchmarkWorkbook.ChartsSheet);
        var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!.Value!);
        var images = worksheet.DrawingsPart!.ImageParts.ToList();
        Assert.True(images.Count >= 3);
        foreach (var image in images)
        {
            using var stream = image.GetStream();
            var signature = new byte[4];
            Assert.Equal(4, stream.Read(signature));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, signature);
        }

        var descriptions = worksheet.DrawingsPart.WorksheetDrawing!.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.NonVisualDrawingProperties>()
            .Select(p => p.Description?.Value ?? "").ToList();
        Assert.Contains(descriptions, d => d.StartsWith("Boxplot", StringComparison.Ordinal));
    }

    /// <summary>Two filtered downloads of one day must not get the same name: the name carries every filter in use.</summary>
    [Fact]
    public async Task Excel_FilteredView_FileNameNamesLandApproachAndFilters()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var all = await client.GetAsync("/Benchmarks?handler=Excel");
        var submitted = await client.GetAsync("/Benchmarks?handler=Excel&grundlage=eingereicht&jahr=2026");

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Benchmark-Nordrhein-Westfalen-Standard-Absicherung-2026-11-23.xlsx", all.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("Benchmark-Nordrhein-Westfalen-Standard-Absicherung-2026-mit-eingereichten-2026-11-23.xlsx", submitted.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(WithoutDrawings(await submitted.Content.ReadAsByteArrayAsync()));
        var overview = workbook.Worksheet(BenchmarkWorkbook.OverviewSheet);
        Assert.Equal("jeweils letzte eingereichte Bewertung", overview.RowsUsed().First(r => r.Cell(1).GetString() == "Grundlage").Cell(2).GetString());
    }

    /// <summary>A newcomer learns on the page what the figures mean, how many municipalities stand behind them and why some are withheld.</summary>
    [Fact]
    public async Task Dashboard_ExplainsTheFiguresAndTheThreshold_AlsoWhenSuppressed()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks");
        var suppressed = await Html.GetDocumentAsync(client, "/Benchmarks?kreis=" + Uri.EscapeDataString("Kreis A"));

        var terms = page.QuerySelector("#benchmark-explained dl")!;
        Assert.Equal(
            ["Vergleichsgruppe", "Unterdrückte Zahlen", "Anzahl", "E_B (Basis)", "E_BS (Basis + Standard)", "Erreichte Absicherung", "Offene und überfällige Maßnahmen", "Basis-Lücken", "Aktualität", "Median und Quartile", "P (Perzentil)"],
            terms.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()));
        Assert.Contains("erst ab 5 Kommunen", Text(page.QuerySelector("#term-suppressed")), StringComparison.Ordinal);
        Assert.Contains("„teilweise“, „nein“ und „offen“ zählen nicht", Text(page.QuerySelector("#term-eb")), StringComparison.Ordinal);
        Assert.Equal("Erreichte Absicherung", page.QuerySelectorAll("#benchmark-rows thead th")[5].TextContent.Trim());
        Assert.Equal("Schicht", page.QuerySelector("#layer-distribution thead th")!.TextContent.Trim());
        Assert.Equal("/Hilfe/Berechnung", page.QuerySelector("#benchmark-explained a#benchmark-help")!.GetAttribute("href"));
        Assert.NotNull(suppressed.QuerySelector("#benchmark-explained #term-suppressed"));
        // The title and heading name the Land (WCAG 2.4.2).
        Assert.Equal("Benchmark der Kommunen: Nordrhein-Westfalen", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Benchmark der Kommunen: Nordrhein-Westfalen", page.Title, StringComparison.Ordinal);
        Assert.NotNull(suppressed.QuerySelector("#benchmark-help"));
    }

    /// <summary>A suppressed group says what to do next: reset the filters – and the link leads to the whole Land.</summary>
    [Fact]
    public async Task KreisFilter_Suppressed_OffersToResetTheFilters_LinkShowsTheWholeLand()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks?kreis=" + Uri.EscapeDataString("Kreis A") + "&groesse=1");
        var reset = page.QuerySelector("#benchmark-suppressed a#benchmark-reset")!;
        var whole = await Html.GetDocumentAsync(client, reset.GetAttribute("href")!);

        Assert.DoesNotContain("kreis=", reset.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Null(whole.QuerySelector("#benchmark-suppressed"));
        Assert.Equal(5, whole.QuerySelectorAll("#benchmark-rows tbody tr").Length);
    }

    /// <summary>
    /// A filter that matches nobody said „Kein Wert: Für keine Kommune der Gruppe liegt diese Kennzahl vor“ above an
    /// empty table: it now says that no municipality matches, shows no empty table and offers the reset.
    /// </summary>
    [Fact]
    public async Task SizeFilter_NoMunicipalityMatches_SaysSoWithoutAnEmptyTableAndOffersTheReset()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks?groesse=4");

        var warning = Text(page.QuerySelector("#benchmark-suppressed"));
        Assert.Contains("Keine Kommune passt zu den gewählten Filtern.", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Kennzahl vor", warning, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#benchmark-rows"));
        Assert.NotNull(page.QuerySelector("#benchmark-reset"));

        var excel = await client.GetAsync("/Benchmarks?handler=Excel&groesse=4");
        Assert.Equal(HttpStatusCode.Conflict, excel.StatusCode);
        Assert.Contains("Der Excel-Export ist gesperrt: Keine Kommune passt zu den gewählten Filtern.", Text((await Html.ParseAsync(excel)).QuerySelector("#error-summary")), StringComparison.Ordinal);
    }

    /// <summary>A baseline the Land does not have (an old bookmark) falls back to the default and says so instead of switching silently.</summary>
    [Fact]
    public async Task UnknownBaseline_FallsBackAndSaysSo()
    {
        var client = await scenario.SignInAsync(scenario.AuditorNrw);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks?basis=99999-3");
        var normal = await Html.GetDocumentAsync(client, "/Benchmarks");
        var chosen = await Html.GetDocumentAsync(client, "/Benchmarks?basis=" + ((AngleSharp.Html.Dom.IHtmlSelectElement)normal.QuerySelector("#basis")!).Value);

        Assert.Contains("gibt es in diesem Land nicht", Text(page.QuerySelector("#benchmark-baseline-replaced")), StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("#benchmark-rows tbody tr").Length);
        Assert.Null(normal.QuerySelector("#benchmark-baseline-replaced"));
        Assert.Null(chosen.QuerySelector("#benchmark-baseline-replaced"));
    }

    /// <summary>Below k in the whole Land (Hessen: one municipality) there is no filter to reset: the page offers to include submitted assessments.</summary>
    [Fact]
    public async Task WholeLandBelowThreshold_OffersToIncludeSubmittedAssessments()
    {
        var client = await scenario.SignInAsync(scenario.AuditorHessen);

        var page = await Html.GetDocumentAsync(client, "/Benchmarks");

        Assert.Null(page.QuerySelector("#benchmark-reset"));
        var link = page.QuerySelector("#benchmark-include-submitted")!.GetAttribute("href")!;
        Assert.Contains("grundlage=eingereicht", link, StringComparison.Ordinal);
        Assert.Contains("land=06", link, StringComparison.Ordinal);
        var submitted = await Html.GetDocumentAsync(client, link);
        Assert.Null(submitted.QuerySelector("#benchmark-include-submitted"));
        Assert.Contains("noch nicht genug Bewertungen", Text(submitted.QuerySelector("#benchmark-next-step")), StringComparison.Ordinal);
    }

    /// <summary>Another Land's dashboard (a forged or changed ?land=) is refused with a message naming it and the auditor's own Länder – not a bare „Seite nicht gefunden“.</summary>
    [Fact]
    public async Task AuditorOfOtherLand_ForgedLand_RefusedWithAMessageNamingTheLandAndTheOwnLaender()
    {
        var client = await scenario.SignInAsync(scenario.AuditorHessen);

        var response = await client.GetAsync("/Benchmarks?land=05");
        var excel = await client.GetAsync("/Benchmarks?land=05&handler=Excel");
        var unknown = await client.GetAsync("/Benchmarks?land=99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var message = Text(page.QuerySelector("#benchmark-refused"));
        Assert.Contains("Das Land „Nordrhein-Westfalen“ gehört nicht zu den Ländern, die Sie prüfen", message, StringComparison.Ordinal);
        Assert.Contains("Ihre Länder: Hessen.", message, StringComparison.Ordinal);
        Assert.Equal(["06"], page.QuerySelectorAll("#land option").Select(o => o.GetAttribute("value")));
        Assert.Null(page.QuerySelector("#benchmark-empty"));
        Assert.Null(page.QuerySelector("#benchmark-rows"));
        foreach (var (_, name, _) in BenchmarkScenario.Nrw)
        {
            Assert.DoesNotContain(name, page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, excel.StatusCode);
        Assert.NotEqual(Xlsx, excel.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await Html.ParseAsync(excel)).QuerySelector("#benchmark-refused"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Das Land „99“", Text((await Html.ParseAsync(unknown)).QuerySelector("#benchmark-refused")), StringComparison.Ordinal);
    }

    private static MemoryStream WithoutDrawings(byte[] bytes)
    {
        var copy = new MemoryStream();
        copy.Write(bytes);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            foreach (var worksheet in document.WorkbookPart!.WorksheetParts)
            {
                if (worksheet.DrawingsPart is { } drawings)
                {
                    worksheet.Worksheet.RemoveAllChildren<DocumentFormat.OpenXml.Spreadsheet.Drawing>();
                    worksheet.DeletePart(drawings);
                    worksheet.Worksheet.Save();
                }
            }
        }

        copy.Position = 0;
        return copy;
    }
}
