using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Report;

/// <summary>
/// The report page shows exactly the hand-computed numbers of <see cref="ReportScenario"/>, its charts are real
/// SVG/PNG images, and the HTML download is one self-contained file with the same numbers.
/// </summary>
public sealed class ReportPageTests(ReportScenario scenario) : IClassFixture<ReportScenario>
{
    private static string Text(IDocument page, string selector) =>
        (page.QuerySelector(selector) ?? throw new InvalidOperationException($"No element {selector}.")).TextContent.Trim();

    [Fact]
    public async Task Report_HandComputedAssessment_ShowsExactlyTheseNumbers()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current));

        Assert.Equal("75 %", Text(page, "#kpi-eb"));
        Assert.Equal("3 von 4", Text(page, "#kpi-eb-fraction"));
        Assert.Equal("–", Text(page, "#kpi-eb-lenient"));
        Assert.Equal("71,4 %", Text(page, "#kpi-ebs"));
        Assert.Equal("5 von 7", Text(page, "#kpi-ebs-fraction"));
        Assert.Equal("78,5 % (5,5 von 7)", Text(page, "#kpi-ebs-lenient"));
        Assert.Equal("nicht anwendbar", Text(page, "#kpi-eh"));
        Assert.Equal("100 %", Text(page, "#kpi-coverage"));
        Assert.Equal("100 %", Text(page, "#kpi-freshness"));
        Assert.Equal("8", Text(page, "#kpi-pairs"));
        Assert.Contains("nachsichtige Sicht: teilweise = 0,5", page.QuerySelector("#kpis")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HandComputedAssessment_GatesListExactlyTheBlockingPairs()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current));

        Assert.Equal("false", page.QuerySelector("#gate-basis")!.GetAttribute("data-reached"));
        var basis = page.QuerySelectorAll("#gate-basis-blockers li").Select(li => li.TextContent.Trim()).ToList();
        var blocker = Assert.Single(basis);
        Assert.StartsWith("SYS.2.1.A2 × Server Rathaus", blocker, StringComparison.Ordinal);
        Assert.EndsWith("nicht umgesetzt", blocker, StringComparison.Ordinal);

        Assert.Equal("false", page.QuerySelector("#gate-standard")!.GetAttribute("data-reached"));
        var standard = Assert.Single(page.QuerySelectorAll("#gate-standard-blockers li"));
        Assert.StartsWith("SYS.2.1.A2 × Server Rathaus", standard.TextContent.Trim(), StringComparison.Ordinal);
        var accepted = Assert.Single(page.QuerySelectorAll("#gate-standard-accepted li"));
        Assert.Equal("ISMS.1.A4 × Informationsverbund", accepted.TextContent.Trim());
    }

    [Fact]
    public async Task Report_HandComputedAssessment_MaturityScopesAndActionPlan()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current));

        Assert.Equal("2", Text(page, "#maturity-overall"));
        Assert.Equal("2", page.QuerySelector("#maturity-ISMS")!.GetAttribute("data-level"));
        Assert.Equal("", page.QuerySelector("#maturity-ORP")!.GetAttribute("data-level") ?? "");

        Assert.Equal("100 % (2 von 2)", Text(page, "#layers-ISMS .cell-eb"));
        Assert.Equal("75 % (3 von 4)", Text(page, "#layers-ISMS .cell-ebs"));
        Assert.Equal("50 % (1 von 2)", Text(page, "#layers-SYS .cell-eb"));
        Assert.Equal("66,6 % (2 von 3)", Text(page, "#layers-SYS .cell-ebs"));
        Assert.Equal("50 % (1 von 2)", Text(page, "#modules-SYS-2-1 .cell-eb"));

        var rows = page.QuerySelectorAll("#action-plan tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("SYS.2.1.A2", rows[0].GetAttribute("data-requirement"));
        Assert.Equal("false", rows[0].GetAttribute("data-overdue"));
        Assert.Contains("1.250,00 €", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("ISMS.1.A4", rows[1].GetAttribute("data-requirement"));
        Assert.Equal("true", rows[1].GetAttribute("data-overdue"));
        Assert.Contains("überfällig", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("01.10.2026", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithEarlierApprovedAssessment_ListsImprovedAndRegressed()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current));

        Assert.Contains("Check 2025", Text(page, "#comparison-previous"), StringComparison.Ordinal);
        var improved = Assert.Single(page.QuerySelectorAll("#comparison-improved li"));
        Assert.Equal("ISMS.1.A4", improved.GetAttribute("data-requirement"));
        var regressed = Assert.Single(page.QuerySelectorAll("#comparison-regressed li"));
        Assert.Equal("SYS.2.1.A2", regressed.GetAttribute("data-requirement"));
        var eb = page.QuerySelector("#delta-E-B")!.TextContent;
        Assert.Contains("100 % (4 von 4)", eb, StringComparison.Ordinal);
        Assert.Contains("75 % (3 von 4)", eb, StringComparison.Ordinal);
        Assert.Contains("−25 Prozentpunkte", eb, StringComparison.Ordinal);
        foreach (var gate in new[] { "#delta-gate-basis", "#delta-gate-standard" })
        {
            var cells = page.QuerySelector(gate)!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.All(cells.Take(2), c => Assert.Contains(c, new[] { "ja", "nein" }));
            var expected = cells[0] == cells[1] ? "gleich geblieben" : cells[1] == "ja" ? "jetzt erreicht" : "nicht mehr erreicht";
            Assert.Equal(expected, cells[2]);
        }
    }

    [Fact]
    public async Task Report_PreviousAssessmentItself_HasNoComparison()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Previous));

        Assert.NotNull(page.QuerySelector("#comparison-none"));
        Assert.Equal("100 %", Text(page, "#kpi-eb"));
        Assert.Equal("true", page.QuerySelector("#gate-basis")!.GetAttribute("data-reached"));
    }

    [Fact]
    public async Task Report_Charts_HaveAltTextTableAndImagesThatDecode()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);
        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current));

        var figure = page.QuerySelector("#chart-schichten")!;
        var image = figure.QuerySelector("img")!;
        Assert.Contains("ISMS: E_B 100 %, E_BS 75 %", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("SYS: E_B 50 %, E_BS 66,6 %", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.StartsWith("Balkendiagramm: strenger Umsetzungsgrad je Schicht, E_B und E_BS nebeneinander, Skala 0 bis 100 %. ISMS:", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal(["Schicht", "Titel", "E_B", "E_BS"], figure.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(2, figure.QuerySelectorAll("table tbody tr").Length);
        Assert.Null(page.QuerySelector("#chart-schichten-netz"));
        Assert.NotNull(page.QuerySelector("#chart-reifegrad"));
        Assert.NotNull(page.QuerySelector("#chart-bausteine"));
        Assert.Equal("/Hilfe/Berechnung", page.QuerySelector("#help-link")!.GetAttribute("href"));

        var svg = await client.GetAsync(image.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Equal("svg", xml.Root!.Name.LocalName);

        var png = await client.GetAsync(ReportUrls.Chart(scenario.Current, "reifegrad", "png"));
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReportUrls.Chart(scenario.Current, "gibt-es-nicht"))).StatusCode);
    }

    [Fact]
    public async Task Download_IsOneSelfContainedHtmlFileWithTheNumbers()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var response = await client.GetAsync(ReportUrls.Download(scenario.Current));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Bericht-Koeln-2026-11-23.html", disposition.FileName!.Trim('"'));
        var header = response.Headers.GetValues("Content-Security-Policy").Single();
        var document = await Html.ParseAsync(response);
        Assert.Empty(document.QuerySelectorAll("script, link, iframe, object, embed"));
        foreach (var element in document.QuerySelectorAll("[src], [href]"))
        {
            var url = element.GetAttribute("src") ?? element.GetAttribute("href") ?? "";
            Assert.False(url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal), url);
        }

        var images = document.QuerySelectorAll("img");
        Assert.NotEmpty(images);
        Assert.All(images, img => Assert.StartsWith("data:image/png;base64,", img.GetAttribute("src"), StringComparison.Ordinal));
        Assert.All(images, img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
        // The file's policy allows exactly its one style element (by hash) and data: images; the response carries the
        // same policy as a header (plus frame-ancestors, which only a header can set) instead of the app-wide one.
        var style = Assert.Single(document.QuerySelectorAll("style")).TextContent;
        Assert.Contains("@page", style, StringComparison.Ordinal);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        var csp = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        Assert.Equal($"default-src 'none'; img-src data:; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'", csp);
        Assert.Equal(csp + "; frame-ancestors 'none'", header);
        Assert.DoesNotContain("unsafe-inline", header, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var text = document.Body!.TextContent;
        Assert.Contains("Köln", text, StringComparison.Ordinal);
        Assert.Contains("Umsetzungsgrad Basis (E_B) | 75 %", Row(document, "Umsetzungsgrad Basis (E_B)"), StringComparison.Ordinal);
        Assert.Contains("71,4 %", Row(document, "Umsetzungsgrad Basis + Standard (E_BS)"), StringComparison.Ordinal);
        Assert.Contains("78,5 % (5,5 von 7)", Row(document, "Umsetzungsgrad Basis + Standard (E_BS)"), StringComparison.Ordinal);
        Assert.Contains("SYS.2.1.A2 × Server Rathaus (Rollentrennung): nicht umgesetzt", text, StringComparison.Ordinal);
        Assert.Contains("Gesamt-Reifegrad (Minimum über die bewerteten Praktiken): 2", text, StringComparison.Ordinal);
        Assert.Contains("überfällig", Row(document, "ISMS.1.A4"), StringComparison.Ordinal);
        Assert.Contains("−25 Prozentpunkte", Row(document, "Umsetzungsgrad Basis (E_B)", table: 1), StringComparison.Ordinal);
    }

    /// <summary>German words of the scoring texts that must not be left in the English page's scoring elements.</summary>
    private static readonly string[] GermanScoringWords =
    [
        "nicht umgesetzt", "von", "Stufe", "nicht bewertet", "nein", "blockierend", "Paar", "erreicht", "etabliert",
        "nicht anwendbar", "anwendbaren", "Anforderung", "begründet", "Begründung", "überfällig", "aktuell", "mindestens",
        "Prozentpunkte", "unverändert", "gleich geblieben", "jetzt", "ja",
    ];

    private static void AssertNoGermanWord(string text)
    {
        foreach (var word in GermanScoringWords)
        {
            Assert.False(
                System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(word)}(?!\p{{L}})"),
                $"German „{word}“ in: {text}");
        }
    }

    [Fact]
    public async Task Report_EnglishUi_ShowsTheScoringTextsInEnglish()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current) + "?culture=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        // Gate: title, summary (with the blocking pair count) and the Umsetzungsgrad with its fraction.
        var summary = Text(page, "#gate-basis-summary");
        Assert.Equal("Basic protection reached: no (1 blocking pair). Degree of implementation: 75 % (3 of 4)", summary);
        Assert.Equal("Standard protection reached: no (1 blocking pair). Degree of implementation: 71,4 % (5 of 7)", Text(page, "#gate-standard-summary"));
        // One blocker's reasons.
        var reasons = Text(page, "#gate-basis-blockers li .reasons");
        Assert.Equal("not implemented", reasons);
        // Reifegrad: level name, not assessed practice, criteria with their figures.
        var isms = page.QuerySelector("#maturity-ISMS")!;
        var level = isms.QuerySelector(".maturity-level")!.TextContent.Trim();
        Assert.Equal("2 – partly established", level);
        var criteria = isms.QuerySelectorAll(".criteria li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(5, criteria.Count);
        Assert.Equal("✓ Level 2 (partly established): E_B > 0 % – 2 of 2", criteria[1]);
        Assert.Equal(
            "✗ Level 3 (fully established and documented): E_B = 100 % (2 of 2), E_BS ≥ 80 % (3 of 4), every dispensable requirement justified (0 without justification)",
            criteria[2]);
        var orp = page.QuerySelector("#maturity-ORP")!;
        Assert.Equal("not assessed", orp.QuerySelector(".maturity-level")!.TextContent.Trim());
        Assert.Equal("no applicable requirements", orp.Children[3].TextContent.Trim());
        Assert.Contains("partly established", page.QuerySelector("#maturity-heading")!.ParentElement!.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        // Fractions and „nicht anwendbar“ of the figures.
        Assert.Equal("3 of 4", Text(page, "#kpi-eb-fraction"));
        Assert.Equal("78,5 % (5,5 of 7)", Text(page, "#kpi-ebs-lenient"));
        Assert.Equal("not applicable", Text(page, "#kpi-eh"));
        Assert.Equal("100 % (2 of 2)", Text(page, "#layers-ISMS .cell-eb"));
        Assert.Equal("Layer", Text(page, "#layers thead th"));
        // The comparison with the previous assessment: values and change.
        var eb = page.QuerySelector("#delta-E-B")!.TextContent;
        Assert.Contains("100 % (4 of 4)", eb, StringComparison.Ordinal);
        Assert.Contains("−25 percentage points", eb, StringComparison.Ordinal);
        // The gates' rows: the change of a flag follows from its before and after cells.
        foreach (var gate in new[] { "#delta-gate-basis", "#delta-gate-standard" })
        {
            var cells = page.QuerySelector(gate)!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.All(cells.Take(2), c => Assert.Contains(c, new[] { "yes", "no" }));
            var expected = cells[0] == cells[1] ? "unchanged" : cells[1] == "yes" ? "now reached" : "no longer reached";
            Assert.Equal(expected, cells[2]);
        }

        AssertNoGermanWord(Text(page, "#comparison-kpis tbody"));

        var maturityRows = string.Join("\n", page.QuerySelectorAll("#maturity tbody tr").Select(tr => tr.Children[2].TextContent + " " + tr.Children[3].TextContent));
        foreach (var text in new[] { summary, Text(page, "#gate-standard-summary"), reasons, level, maturityRows, Text(page, "#layers tbody"), eb })
        {
            AssertNoGermanWord(text);
        }
    }

    [Fact]
    public async Task Report_EnglishUi_ChartsHaveEnglishAltTextsTablesAndImages()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current) + "?culture=en");

        var layers = page.QuerySelector("#chart-schichten")!;
        var layersAlt = layers.QuerySelector("img")!.GetAttribute("alt")!;
        Assert.StartsWith(
            "Bar chart: strict degree of implementation per Layer, E_B and E_BS side by side, scale 0 to 100 %. ISMS: E_B 100 %, E_BS 75 %; SYS: E_B 50 %, E_BS 66,6 %.",
            layersAlt,
            StringComparison.Ordinal);
        Assert.StartsWith("Degree of implementation per Layer.", layers.QuerySelector("figcaption")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["Layer", "Title", "E_B", "E_BS"], layers.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("100 % (2 of 2)", layers.QuerySelector("tbody tr td:nth-child(3)")!.TextContent.Trim());

        var maturity = page.QuerySelector("#chart-reifegrad")!;
        var maturityAlt = maturity.QuerySelector("img")!.GetAttribute("alt")!;
        Assert.StartsWith("Bar chart: maturity level (0 to 5) per Management process. ", maturityAlt, StringComparison.Ordinal);
        Assert.Contains("ORP: not assessed", maturityAlt, StringComparison.Ordinal);
        Assert.Contains(". Overall maturity level (minimum): ", maturityAlt, StringComparison.Ordinal);
        Assert.Equal(["Management process", "Maturity level"], maturity.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var orp = maturity.QuerySelectorAll("tbody tr").Single(tr => tr.Children[0].TextContent.Trim() == "ORP");
        Assert.Equal("not assessed", orp.Children[1].TextContent.Trim());
        foreach (var text in new[] { layersAlt, maturityAlt, layers.QuerySelector("thead")!.TextContent, maturity.QuerySelector("table")!.TextContent })
        {
            AssertNoGermanWord(text);
        }

        // The chart image in the reader's language (axis label and title); the German UI draws it in German.
        var english = await client.GetStringAsync(ReportUrls.Chart(scenario.Current, "schichten") + "&culture=en");
        var german = await client.GetStringAsync(ReportUrls.Chart(scenario.Current, "schichten") + "&culture=de");
        Assert.Contains("Implementation level in %", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Umsetzungsgrad", english, StringComparison.Ordinal);
        Assert.Contains("Umsetzungsgrad in %", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_GermanUi_AndDownload_KeepTheGermanScoringTexts()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await Html.GetDocumentAsync(client, ReportUrls.Page(scenario.Current));

        Assert.Equal("Basis-Absicherung erreicht: nein (1 blockierendes Paar). Umsetzungsgrad: 75 % (3 von 4)", Text(page, "#gate-basis-summary"));
        Assert.Equal("nicht umgesetzt", Text(page, "#gate-basis-blockers li .reasons"));
        var isms = page.QuerySelector("#maturity-ISMS")!;
        Assert.Equal("2 – zum Teil etabliert", isms.QuerySelector(".maturity-level")!.TextContent.Trim());
        Assert.Equal("✓ Stufe 2 (zum Teil etabliert): E_B > 0 % – 2 von 2", isms.QuerySelectorAll(".criteria li")[1].TextContent.Trim());
        Assert.Equal("nicht bewertet", page.QuerySelector("#maturity-ORP .maturity-level")!.TextContent.Trim());

        // The download stays German, also when asked for from the English UI.
        foreach (var culture in new[] { "", "&culture=en" })
        {
            var response = await client.GetAsync(ReportUrls.Download(scenario.Current) + culture);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = (await Html.ParseAsync(response)).Body!.TextContent;
            Assert.Contains("Basis-Absicherung erreicht: nein (1 blockierendes Paar)", text, StringComparison.Ordinal);
            Assert.Contains("SYS.2.1.A2 × Server Rathaus (Rollentrennung): nicht umgesetzt", text, StringComparison.Ordinal);
            Assert.Contains("2 – zum Teil etabliert", text, StringComparison.Ordinal);
            Assert.Contains("✓ Stufe 2 (zum Teil etabliert): E_B > 0 % – 2 von 2", text, StringComparison.Ordinal);
            Assert.Contains("Stufe 3 (voll etabliert und dokumentiert): E_B = 100 % (2 von 2), E_BS ≥ 80 % (3 von 4)", text, StringComparison.Ordinal);
            Assert.Contains("78,5 % (5,5 von 7)", text, StringComparison.Ordinal);
            Assert.DoesNotContain("blocking pair", text, StringComparison.Ordinal);
            Assert.DoesNotContain("partly established", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_KeepsTheAppWidePolicy_OnlyTheDownloadHasItsOwn()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbKoeln);

        var page = await client.GetAsync(ReportUrls.Page(scenario.Current));
        var chart = await client.GetAsync(ReportUrls.Chart(scenario.Current, "schichten"));

        foreach (var response in new[] { page, chart })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        }
    }

    /// <summary>The cells of the n-th row with a cell <paramref name="first"/>, joined by " | ".</summary>
    private static string Row(IDocument document, string first, int table = 0)
    {
        var rows = document.QuerySelectorAll("tr")
            .Where(tr => tr.Children.Any(c => c.TextContent.Trim() == first))
            .ToList();
        Assert.True(rows.Count > table, $"No row {table} starting with {first}.");
        return string.Join(" | ", rows[table].Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task OtherMunicipalitysIsb_PageChartAndDownload_NotFound()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbFrankfurt);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReportUrls.Page(scenario.Current))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReportUrls.Chart(scenario.Current, "schichten"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReportUrls.Chart(scenario.Current, "reifegrad", "png"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReportUrls.Download(scenario.Current))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReportUrls.Page(Guid.NewGuid()))).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=Chart&name=schichten&format=svg")]
    [InlineData("?handler=Html")]
    public async Task Anonymous_Report_RedirectsToLogin(string query)
    {
        var client = scenario.Factory.CreateBrowserClient();

        var response = await client.GetAsync(ReportUrls.Page(scenario.Current) + query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/Account/Login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpPage_RendersScoringDocumentWithoutScripts()
    {
        var client = scenario.Factory.CreateBrowserClient();

        var page = await Html.GetDocumentAsync(client, "/Hilfe/Berechnung");

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        var doc = page.QuerySelector("#scoring-doc")!;
        Assert.Equal("de", doc.GetAttribute("lang"));
        Assert.Equal("Wie wird das berechnet? – Umsetzungsgrad, Ampeln, Reifegrad und Realisierungsplan", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(doc.QuerySelectorAll("table"));
        Assert.Empty(doc.QuerySelectorAll("script, style, [style]"));
    }

    [Fact]
    public async Task HelpPage_EnglishUi_RendersTheEnglishScoringDocument()
    {
        var client = scenario.Factory.CreateBrowserClient();

        var page = await Html.GetDocumentAsync(client, "/Hilfe/Berechnung?culture=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("How is this calculated?", page.Title, StringComparison.Ordinal);
        var doc = page.QuerySelector("#scoring-doc")!;
        Assert.Equal("en", doc.GetAttribute("lang"));
        Assert.Equal("How is this calculated? – Degree of implementation, gates, maturity level and implementation plan", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(12, doc.QuerySelectorAll("table").Length);
        Assert.Contains(doc.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "6. Gates");
        Assert.Empty(doc.QuerySelectorAll("script, style, [style]"));
    }
}
