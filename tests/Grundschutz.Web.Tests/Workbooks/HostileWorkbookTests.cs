using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Workbooks;

/// <summary>
/// Hostile and wrong uploads of the questionnaire workbook: each gets a clear German message on the page and
/// changes nothing in the database (answers, versions, history, pending imports).
/// </summary>
public sealed class HostileWorkbookTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static int _next;

    [Fact]
    public async Task Upload_NotAZip_IsRefused()
    {
        var (scenario, client, _) = await StartAsync();
        await AssertRefusedAsync(scenario, client, "Fragebogen.xlsx"u8.ToArray().Concat("AGS;Name\n05315000;Köln\n"u8.ToArray()).ToArray(), "keine Excel-Arbeitsmappe");
    }

    [Fact]
    public async Task Upload_ZipWithoutValidDirectory_IsRefused()
    {
        var (scenario, client, _) = await StartAsync();
        await AssertRefusedAsync(scenario, client, [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 1, 2, 3], "beschädigt");
    }

    [Fact]
    public async Task Upload_ZipBomb_IsRefusedFromTheDirectory()
    {
        var (scenario, client, _) = await StartAsync();
        var bomb = QuestionnaireWorkbooks.ZipBomb(200);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small, is {bomb.Length} bytes");
        await AssertRefusedAsync(scenario, client, bomb, "Zip-Bombe");
    }

    [Fact]
    public async Task Upload_HundredThousandRows_IsRefused()
    {
        var (scenario, client, exported) = await StartAsync();
        var huge = QuestionnaireWorkbooks.ReplaceQuestionsSheet(exported, writer =>
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= 100_001; r++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>ISMS.1.A1</t></is></c><c r=\"G{r}\" t=\"inlineStr\"><is><t>ja</t></is></c></row>"));
            }

            writer.Write("</sheetData></worksheet>");
        });
        await AssertRefusedAsync(scenario, client, huge, "mehr als 80.000 Zeilen");
    }

    [Fact]
    public async Task Upload_FormulaCell_IsRefused()
    {
        var (scenario, client, exported) = await StartAsync();
        var edited = QuestionnaireWorkbooks.Edit(exported, workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).FormulaA1 = "\"ja\"");
        await AssertRefusedAsync(scenario, client, edited, "G4 im Blatt „Fragebogen“ enthält eine Formel");
    }

    [Fact]
    public async Task Upload_OneMegabyteString_IsRefused()
    {
        var (scenario, client, exported) = await StartAsync();
        var huge = QuestionnaireWorkbooks.ReplaceQuestionsSheet(exported, writer =>
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            writer.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>ISMS.1.A3</t></is></c><c r=\"I2\" t=\"inlineStr\"><is><t>");
            writer.Write(new string('x', 1024 * 1024));
            writer.Write("</t></is></c></row></sheetData></worksheet>");
        });
        await AssertRefusedAsync(scenario, client, huge, "länger als 32.767 Zeichen");
    }

    /// <summary>A questions sheet replaced by something that is no sheet data was read as „0 rows, nothing changes“.</summary>
    [Theory]
    [InlineData("<garbage/>")]
    [InlineData("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>")]
    public async Task Upload_EmptiedQuestionsSheet_IsRefused(string sheet)
    {
        var (scenario, client, exported) = await StartAsync();
        var emptied = QuestionnaireWorkbooks.ReplaceQuestionsSheet(exported, writer => writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sheet));
        await AssertRefusedAsync(scenario, client, emptied, "Das Blatt „Fragebogen“ ist leer");
    }

    [Fact]
    public async Task Upload_RenamedSheet_IsRefused()
    {
        var (scenario, client, exported) = await StartAsync();
        var renamed = QuestionnaireWorkbooks.Edit(exported, workbook => workbook.Worksheet("Fragebogen").Name = "Antworten");
        await AssertRefusedAsync(scenario, client, renamed, "Das Blatt „Fragebogen“ fehlt");
    }

    [Fact]
    public async Task Upload_WorkbookOfAnotherAssessment_IsRefused()
    {
        var (scenario, client, _) = await StartAsync();
        var other = await WorkbookScenario.Build(scenario.Seed, scenario.Municipality, scenario.Isb, scenario.KompendiumVersionId, "Zweiter Check", AssessmentState.InProgress).BuildAsync();
        var otherFile = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, other.Id), workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "ja");
        await AssertRefusedAsync(scenario, client, otherFile, "gehört zu einer anderen Bewertung");
    }

    [Fact]
    public async Task Upload_WorkbookOfAnotherCatalogueVersion_IsRefused()
    {
        var (scenario, client, _) = await StartAsync();
        var demo = await scenario.Seed.Assessment(scenario.Municipality, scenario.Isb).WithTarget("Server", "TEC.1").InState(AssessmentState.InProgress).BuildAsync();
        await AssertRefusedAsync(scenario, client, await WorkbookScenario.DownloadAsync(client, demo.Id), "andere Katalogversion");
    }

    [Fact]
    public async Task Upload_EditedMetadata_IsRefused()
    {
        var (scenario, client, exported) = await StartAsync();
        var other = Guid.NewGuid().ToString("D");
        var forged = QuestionnaireWorkbooks.Edit(exported, workbook => workbook.Worksheet("Metadaten").Cell(2, 2).Value = other);
        await AssertRefusedAsync(scenario, client, forged, "Prüfsumme passt nicht");
    }

    [Fact]
    public async Task Upload_RowErrors_AreListedAndTheImportCannotBeConfirmed()
    {
        var (scenario, client, exported) = await StartAsync();
        var edited = QuestionnaireWorkbooks.Edit(exported, workbook =>
        {
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A1", WorkbookScenario.Verbund).Cell(1).Value = "ISMS.1.A99";
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "vielleicht";
            var a4 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A4", WorkbookScenario.Verbund);
            a4.Cell(7).Value = "entbehrlich";
            a4.Cell(8).Value = "nicht relevant";
            var a2 = QuestionnaireWorkbooks.Row(workbook, "SYS.2.1.A2", WorkbookScenario.Server);
            a2.Cell(7).Value = "ja";
            a2.Cell(14).Value = "31.02.2026";
            QuestionnaireWorkbooks.Row(workbook, "SYS.2.1.A3", WorkbookScenario.Server).Cell(7).Value = "ja";
        });
        // A confirm form of another (good) preview of the same user, to be pointed at the bad one later.
        var second = await WorkbookScenario.Build(scenario.Seed, scenario.Municipality, scenario.Isb, scenario.KompendiumVersionId, "Zweiter Check", AssessmentState.InProgress).BuildAsync();
        var good = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, second.Id), workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "ja");
        var goodPreview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, second.Id, good));
        var before = await scenario.StateAsync();

        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));

        var errors = preview.QuerySelectorAll("#preview-errors tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelectorAll("td")[1].TextContent.Trim()))
            .ToList();
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("Unbekannte Kennung", errors.Single(e => e.Item1 == "2").Item2, StringComparison.Ordinal);
        Assert.StartsWith("Ungültiger Status „vielleicht“", errors.Single(e => e.Item1 == "4").Item2, StringComparison.Ordinal);
        Assert.Equal("Eine entbehrliche Anforderung muss begründet werden.", errors.Single(e => e.Item1 == "5").Item2);
        Assert.StartsWith("Ungültiges Datum in „Datum der Erhebung“: „31.02.2026“", errors.Single(e => e.Item1 == "7").Item2, StringComparison.Ordinal);
        Assert.Equal(["SYS.2.1.A3"], preview.QuerySelectorAll("#preview-changes tbody tr").Select(r => r.GetAttribute("data-requirement")));
        Assert.Null(preview.QuerySelector("#confirm-form"));

        // A confirm sent anyway is refused and changes nothing.
        var form = (IHtmlFormElement)goodPreview.QuerySelector("#confirm-form")!;
        form.Action = form.Action
            .Replace(goodPreview.Url.Split('/').Last(), preview.Url.Split('/').Last(), StringComparison.Ordinal)
            .Replace(second.Id.ToString(), scenario.Id.ToString(), StringComparison.Ordinal);
        var refused = await Html.SubmitAsync(client, form);
        Assert.Contains("fehlerhafte Zeilen", WorkbookScenario.Errors(await Html.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(before.Replace("pending=0", "pending=1", StringComparison.Ordinal), await scenario.StateAsync());
    }

    /// <summary>
    /// A workbook refused as a whole in the English UI: the message and „nothing applied“ in English, the cell address and
    /// the sheet's name (it is the name in the German workbook) as they are; nothing changes. German stays German.
    /// </summary>
    [Fact]
    public async Task Upload_FormulaCell_English_RefusedWithTheEnglishMessage()
    {
        var (scenario, client, exported) = await StartAsync();
        var edited = QuestionnaireWorkbooks.Edit(exported, workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).FormulaA1 = "\"ja\"");
        var before = await scenario.StateAsync();

        var english = await Html.ParseAsync(await WorkbookScenario.UploadAsync(client, scenario.Id, edited, culture: "en"));
        var german = await Html.ParseAsync(await WorkbookScenario.UploadAsync(client, scenario.Id, edited));

        Assert.Equal(
            "The cell G4 in the sheet “Fragebogen” contains a formula. Formulas are not taken over – please enter values only and upload the file again. Nothing was applied.",
            Assert.Single(english.QuerySelectorAll("#error-summary li")).TextContent.Trim());
        Assert.Equal(
            "Die Zelle G4 im Blatt „Fragebogen“ enthält eine Formel. Formeln werden nicht übernommen – bitte nur Werte eintragen und die Datei erneut hochladen. Es wurde nichts übernommen.",
            Assert.Single(german.QuerySelectorAll("#error-summary li")).TextContent.Trim());
        Assert.Equal(before, await scenario.StateAsync());
    }

    [Fact]
    public async Task Upload_NotAZip_English_RefusedWithTheEnglishMessage()
    {
        var (scenario, client, _) = await StartAsync();
        var before = await scenario.StateAsync();

        var english = await Html.ParseAsync(await WorkbookScenario.UploadAsync(client, scenario.Id, "AGS;Name\n05315000;Köln\n"u8.ToArray(), culture: "en"));

        Assert.Contains(
            "The file is not an Excel workbook (.xlsx). Please upload the exported questionnaire. Nothing was applied.",
            WorkbookScenario.Errors(english),
            StringComparison.Ordinal);
        Assert.Equal(before, await scenario.StateAsync());
    }

    /// <summary>
    /// Row errors of the preview in the English UI: each reason in English, with the values from the file (and the German
    /// words allowed in the German workbook) as they are; the import cannot be confirmed and no answer changed.
    /// </summary>
    [Fact]
    public async Task Upload_RowErrors_English_ListedInEnglish()
    {
        var (scenario, client, exported) = await StartAsync();
        var edited = QuestionnaireWorkbooks.Edit(exported, workbook =>
        {
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "vielleicht";
            var a4 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A4", WorkbookScenario.Verbund);
            a4.Cell(7).Value = "entbehrlich";
            a4.Cell(8).Value = "nicht relevant";
            var a2 = QuestionnaireWorkbooks.Row(workbook, "SYS.2.1.A2", WorkbookScenario.Server);
            a2.Cell(7).Value = "ja";
            a2.Cell(14).Value = "31.02.2026";
        });
        var answers = await scenario.StateAsync();

        var response = await WorkbookScenario.UploadAsync(client, scenario.Id, edited, culture: "en");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var preview = await Html.GetDocumentAsync(client, response.Headers.Location!.OriginalString + "?culture=en");
        var german = await Html.GetDocumentAsync(client, response.Headers.Location!.OriginalString);

        static Dictionary<string, string> Errors(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("#preview-errors tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[1].TextContent.Trim());
        var statusWords = string.Join(", ", Grundschutz.Infrastructure.Workbooks.QuestionnaireFormat.StatusWords(Grundschutz.Domain.Catalog.CatalogFramework.ItGrundschutz));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["4"] = $"Invalid status “vielleicht”. Allowed are: {statusWords}.",
                ["5"] = "A dispensable requirement must be justified.",
                ["7"] = "Invalid date in “Datum der Erhebung”: “31.02.2026”. Please enter a date, e.g. 31.12.2026.",
            },
            Errors(preview));
        Assert.Equal($"Ungültiger Status „vielleicht“. Erlaubt sind: {statusWords}.", Errors(german)["4"]);
        Assert.Null(preview.QuerySelector("#confirm-form"));
        Assert.Equal(answers.Replace("pending=0", "pending=1", StringComparison.Ordinal), await scenario.StateAsync());
    }

    [Fact]
    public async Task Upload_ApprovedAssessment_IsRefused()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, NextAgs(), AssessmentState.Approved);
        var client = await scenario.SignInAsync();
        var exported = await WorkbookScenario.DownloadAsync(client, scenario.Id);
        var page = await Html.GetDocumentAsync(client, WorkbookScenario.Page(scenario.Id));
        Assert.NotNull(page.QuerySelector("#import-readonly"));
        Assert.Null(page.QuerySelector("#upload-form"));

        // The form of an editable assessment of the same user, posted to the approved one.
        var editable = await WorkbookScenario.Build(scenario.Seed, scenario.Municipality, scenario.Isb, scenario.KompendiumVersionId, "Offen", AssessmentState.InProgress).BuildAsync();
        var before = await scenario.StateAsync();
        var response = await WorkbookScenario.UploadAsync(client, scenario.Id, exported, formPage: editable.Id);
        Assert.Contains("im Zustand „Genehmigt“", WorkbookScenario.Errors(await Html.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(before, await scenario.StateAsync());
    }

    [Fact]
    public async Task Download_OtherTenantAuditorAndFacilitator_GetNothing()
    {
        var (scenario, _, _) = await StartAsync();
        var (_, otherIsb) = await scenario.Seed.TenantAsync(NextAgs(), "Andere Kommune");
        var auditor = await scenario.Seed.UserAsync("pruefer-" + NextAgs(), Roles.Auditor, null, "09");
        var facilitator = await scenario.Seed.UserAsync("moderation-" + NextAgs(), Roles.Facilitator);

        Assert.Equal(HttpStatusCode.NotFound, (await (await scenario.Seed.SignInAsync(otherIsb)).GetAsync(WorkbookScenario.Download(scenario.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await scenario.Seed.SignInAsync(facilitator)).GetAsync(WorkbookScenario.Download(scenario.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await scenario.Seed.SignInAsync(facilitator)).GetAsync(WorkbookScenario.Page(scenario.Id))).StatusCode);

        // The auditor sees in-progress assessments not at all; submitted ones only to look at.
        var submitted = await WorkbookScenario.CreateAsync(factory, NextAgs(), AssessmentState.Submitted);
        var auditorClient = await scenario.Seed.SignInAsync(auditor);
        Assert.Equal(HttpStatusCode.NotFound, (await auditorClient.GetAsync(WorkbookScenario.Download(scenario.Id))).StatusCode);
        var denied = await auditorClient.GetAsync(WorkbookScenario.Download(submitted.Id));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await Html.GetDocumentAsync(auditorClient, WorkbookScenario.Page(submitted.Id));
        Assert.NotNull(page.QuerySelector("#workbook-readonly"));
    }

    private async Task<(WorkbookScenario Scenario, HttpClient Client, byte[] Exported)> StartAsync()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, NextAgs());
        var client = await scenario.SignInAsync();
        return (scenario, client, await WorkbookScenario.DownloadAsync(client, scenario.Id));
    }

    private static string NextAgs() => string.Create(CultureInfo.InvariantCulture, $"09{Interlocked.Increment(ref _next):000000}");

    private static async Task AssertRefusedAsync(WorkbookScenario scenario, HttpClient client, byte[] content, string expected)
    {
        var before = await scenario.StateAsync();

        var response = await WorkbookScenario.UploadAsync(client, scenario.Id, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var errors = WorkbookScenario.Errors(page);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts übernommen.", errors, StringComparison.Ordinal);
        Assert.Equal("#upload", page.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.Equal(before, await scenario.StateAsync());
    }
}
