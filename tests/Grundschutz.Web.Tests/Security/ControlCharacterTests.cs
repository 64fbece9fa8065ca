using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Assessments;
using Grundschutz.Web.Tests.Infrastructure;
using Grundschutz.Web.Tests.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// Control characters no one types – pasted from Word (a vertical tab for a manual line break), from a wrongly
/// decoded file (C1 controls) or sent on purpose – are taken out of every typed text before it is stored, and out of
/// the questionnaire workbook's cells (<c>_x0001_</c> decodes to one); the stored text is what the pages, Excel and
/// the exports show.
/// </summary>
public sealed class ControlCharacterTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    [Fact]
    public async Task AnswerForm_ControlCharacters_AreStoredCleanAndExportedAsStored()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05190001", "Steuerzeichen");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var response = await SaveAsync(client, page, new()
        {
            ["Input.Status"] = "Nein",
            ["Input.Justification"] = "Erste Zeile\u000BZweite\u0001 Zeile\u0007",
            ["Input.ImplementationDescription"] = "Seite 1\u000CSeite 2\u0085",
            ["Input.Owner"] = "Frau\u0008 Muster",
        }, "save-stay");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answer = (await tenant.AnswerAsync("ORG.1.1"))!;
        Assert.Equal(("Erste Zeile\nZweite Zeile", "Seite 1\nSeite 2", "Frau Muster"), (answer.Justification, answer.ImplementationDescription, answer.Owner));
        var shown = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        Assert.Equal("Erste Zeile\nZweite Zeile", ((IHtmlTextAreaElement)shown.QuerySelector("textarea[name='Input.Justification']")!).Value);

        using var workbook = new XLWorkbook(await client.GetStreamAsync($"/Assessments/{tenant.Id}/Exports?handler=GrundschutzCheck"));
        var texts = workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.Contains("Erste Zeile\nZweite Zeile", texts);
        Assert.DoesNotContain(texts, t => t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')));
    }

    [Fact]
    public async Task CreateForm_TitleWithControlCharacters_IsStoredWithout()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05190002", "Steuerzeichen Titel");
        var client = await tenant.SignInAsync();
        var create = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var versionId = await tenant.Seed.DemoCatalogVersionIdAsync();

        var response = await Html.SubmitAsync(client, Form(create, "create-form"), new Dictionary<string, string>
        {
            ["Input.CatalogVersionId"] = versionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Approach"] = "GsppNormal",
            ["Input.Title"] = "\u0085Check\u001B 2027\u0007",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(Location(response).Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);
        await using var scope = factory.Services.CreateAsyncScope();
        var title = await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Assessments.Where(a => a.Id == id).Select(a => a.Title).SingleAsync();
        Assert.Equal("Check 2027", title);
    }

    [Fact]
    public async Task Workbook_EscapedControlCharactersInACell_AreAppliedWithout()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05190003");
        var client = await scenario.SignInAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
        {
            var a3 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund);
            a3.Cell(7).Value = "nein";
            a3.Cell(9).Value = "Kein\u0000 Budget\u000Bfür 2027\u0001."; // ClosedXML writes these as _x0000_, _x000B_, _x0001_
        });

        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));
        await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#confirm-form")!));

        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var verbund = assessment.TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        var answer = assessment.FindAnswer("ISMS.1.A3", verbund)!;
        Assert.Equal((AnswerStatus.Nein, "Kein Budget\nfür 2027."), (answer.Status, answer.Justification));
    }
}
