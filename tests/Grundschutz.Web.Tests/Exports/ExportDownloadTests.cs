using System.Net;
using ClosedXML.Excel;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Exports;

/// <summary>The export page and its A.4/A.6 downloads, opened with ClosedXML; tenant isolation of every handler.</summary>
public sealed class ExportDownloadTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Page_ListsBothDownloadsAndTheApi()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05315000", "Köln");
        var client = await scenario.SignInAsync();

        var page = await Html.GetDocumentAsync(client, ExportScenario.Page(scenario.Id));

        Assert.Equal(ExportScenario.GrundschutzCheck(scenario.Id), page.QuerySelector("#download-grundschutz-check")!.GetAttribute("href"));
        Assert.Equal(ExportScenario.Realisierungsplan(scenario.Id), page.QuerySelector("#download-realisierungsplan")!.GetAttribute("href"));
        Assert.Equal(ExportScenario.Score(scenario.Id), page.QuerySelector("#score-api-link")!.GetAttribute("href"));
        Assert.Equal("Köln", page.QuerySelector("#header-municipality")!.TextContent.Trim());
    }

    [Fact]
    public async Task GrundschutzCheck_Isb_OneRowPerPairInTargetModuleRequirementOrder()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05111000", "Düsseldorf");
        var client = await scenario.SignInAsync();

        var response = await client.GetAsync(ExportScenario.GrundschutzCheck(scenario.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("A4-Grundschutz-Check-05111000-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("A.4 IT-Grundschutz-Check");
        Assert.Equal(
            ["Zielobjekt", "Baustein/Praktik", "Anforderung", "Titel", "Stufe", "Modalverb", "Status", "Begründung", "Umsetzung", "Datum der Erhebung", "Befragte Personen"],
            Enumerable.Range(1, 11).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("A1:K10", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(28, sheet.Column(1).Width, 3);

        (string Target, string Requirement, string Status)[] expected =
        [
            (ExportScenario.Clients, "TEC.1.1", "umgesetzt"),
            (ExportScenario.Clients, "TEC.1.2", "nicht umgesetzt"),
            (ExportScenario.Clients, "TEC.1.3", "offen"),
            (ExportScenario.Server, "TEC.1.1", "umgesetzt"),
            (ExportScenario.Server, "TEC.1.2", "umgesetzt"),
            (ExportScenario.Server, "TEC.1.3", "nicht umgesetzt"),
            (ExportScenario.Server, "TEC.2.1", "entbehrlich"),
            (ExportScenario.Server, "TEC.2.2", "offen"),
            (ExportScenario.Server, "TEC.2.3", "umgesetzt"),
        ];
        Assert.Equal(expected, Enumerable.Range(2, 9).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 3).GetString(), sheet.Cell(r, 7).GetString())));
        Assert.True(sheet.Row(11).IsEmpty());

        // Target objects alphabetically; TEC.1.3 × Server Rathaus (row 7) in every column.
        Assert.Equal("TEC.1 Datensicherung", sheet.Cell(7, 2).GetString());
        Assert.Equal("Wiederherstellung üben", sheet.Cell(7, 4).GetString());
        Assert.Equal("normal-SdT", sheet.Cell(7, 5).GetString());
        Assert.Equal("SOLLTE", sheet.Cell(7, 6).GetString());
        AssertText(sheet.Cell(7, 8), ExportScenario.Hyperlink);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(7, 10).DataType);
        Assert.Equal(new DateTime(2026, 11, 23), sheet.Cell(7, 10).GetDateTime());
        Assert.Equal("dd.MM.yyyy", sheet.Cell(7, 10).Style.NumberFormat.Format);
        AssertText(sheet.Cell(7, 11), "+1+1");
        AssertText(sheet.Cell(10, 9), "@SUM(A1)");
        AssertText(sheet.Cell(10, 11), "-2");
        Assert.True(sheet.Cell(9, 10).IsEmpty());
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);

        var info = workbook.Worksheet("Angaben");
        Assert.Contains(info.RowsUsed(), r => r.Cell(1).GetString() == "Amtlicher Gemeindeschlüssel (AGS)" && r.Cell(2).GetString() == "05111000");
        Assert.Contains(info.RowsUsed(), r => r.Cell(1).GetString() == "Vorgehensweise" && r.Cell(2).GetString() == "Grundschutz++ (normal-SdT)");
    }

    [Fact]
    public async Task Realisierungsplan_Isb_OpenItemsInRankOrderWithOverdueFlag()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05112000", "Duisburg");
        var client = await scenario.SignInAsync();

        var response = await client.GetAsync(ExportScenario.Realisierungsplan(scenario.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("A6-Realisierungsplan-05112000-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("A.6 Realisierungsplan");
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("A1:M3", sheet.AutoFilter.Range.RangeAddress.ToString());

        // MUSS before SOLLTE; the open pairs are not in the plan.
        Assert.Equal(1, sheet.Cell(2, 1).GetValue<int>());
        Assert.Equal(["MUSS", ExportScenario.Clients, "TEC.1.2", "nicht umgesetzt", "Ja"], new[] { 3, 4, 6, 8, 13 }.Select(c => sheet.Cell(2, c).GetString()));
        Assert.Equal(new DateTime(2026, 11, 13), sheet.Cell(2, 11).GetDateTime());
        Assert.Equal(250d, sheet.Cell(2, 12).GetDouble());
        Assert.Equal(2, sheet.Cell(3, 1).GetValue<int>());
        Assert.Equal(["SOLLTE", ExportScenario.Server, "TEC.1.3", "nicht umgesetzt", "Nein"], new[] { 3, 4, 6, 8, 13 }.Select(c => sheet.Cell(3, c).GetString()));
        AssertText(sheet.Cell(3, 9), ExportScenario.Hyperlink);
        Assert.Equal(1234.56d, sheet.Cell(3, 12).GetDouble(), 6);
        Assert.Equal("#,##0.00 €_-", sheet.Cell(3, 12).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(3, 11).DataType);
        Assert.True(sheet.Row(4).IsEmpty());
    }

    [Fact]
    public async Task OtherMunicipality_GetsNotFoundForPageAndBothDownloads()
    {
        var owner = await ExportScenario.CreateAsync(factory, "05113000", "Essen");
        var intruder = await ExportScenario.CreateAsync(factory, "05114000", "Krefeld");
        var client = await intruder.SignInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ExportScenario.Page(owner.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ExportScenario.GrundschutzCheck(owner.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ExportScenario.Realisierungsplan(owner.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ExportScenario.GrundschutzCheck(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ExportScenario.GrundschutzCheck(intruder.Id))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLogin()
    {
        var owner = await ExportScenario.CreateAsync(factory, "05116000", "Mönchengladbach");
        var client = factory.CreateBrowserClient();

        foreach (var url in new[] { ExportScenario.Page(owner.Id), ExportScenario.GrundschutzCheck(owner.Id), ExportScenario.Realisierungsplan(owner.Id) })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location?.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private static void AssertText(IXLCell cell, string expected)
    {
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(expected, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
    }
}
