using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Assessments;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// Every payload of <see cref="XssPayloads"/> typed into every free-text field through the real forms — municipality
/// name and Kreis (administration), user display name (administration), assessment title, target object name and
/// kind, exclusion reason, transition comment, the answer's justification, implementation, owner and interviewees, the
/// evidence file name — and then every page that shows them, the report download and both Excel workbooks are
/// checked: nothing active made from the text, and the text shown as typed (cells are text, never formulas).
/// Search boxes (reflected input) are checked as well.
/// </summary>
public sealed class XssCorpusTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    [Theory]
    [MemberData(nameof(XssPayloads.Indexes), MemberType = typeof(XssPayloads))]
    public async Task Payload_ThroughEveryFreeTextField_IsInertEverywhere(int index)
    {
        var payload = XssPayloads.All[index];
        var ags = string.Create(CultureInfo.InvariantCulture, $"05{300 + index:000}000");
        var seed = new AssessmentSeed(factory);
        var versionId = await seed.DemoCatalogVersionIdAsync();
        var admin = await factory.CreateAdminClientAsync($"xss-admin-{index}");

        // Administration: municipality name and Kreis, the ISB's display name.
        var created = await Html.GetDocumentAsync(admin, "/Admin/Municipalities/Create");
        await ExpectRedirectAsync(Html.SubmitAsync(admin, Form(created, "municipality-form"), new Dictionary<string, string>
        {
            ["Input.Ags"] = ags,
            ["Input.Name"] = payload,
            ["Input.KreisName"] = payload,
            ["Input.Type"] = "Gemeinde",
            ["Input.Population"] = "1234",
        }), "municipality");
        int municipalityId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            municipalityId = await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Municipalities.Where(m => m.Ags == ags).Select(m => m.Id).SingleAsync();
        }

        var isb = await seed.UserAsync($"xss-isb-{index}", [Roles.Isb], municipalityId, []);
        var editUser = await Html.GetDocumentAsync(admin, "/Admin/Users/Edit/" + isb.Id);
        await ExpectRedirectAsync(Html.SubmitAsync(admin, Form(editUser, "user-form"), new Dictionary<string, string> { ["Input.DisplayName"] = payload }), "display name");

        // The ISB: assessment title, target object, exclusion reason, transition comment, answer, evidence.
        var client = await seed.SignInAsync(isb);
        var create = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var scopeUrl = await ExpectRedirectAsync(Html.SubmitAsync(client, Form(create, "create-form"), new Dictionary<string, string>
        {
            ["Input.CatalogVersionId"] = versionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Approach"] = "GsppNormal",
            ["Input.Title"] = payload,
        }), "assessment");
        var id = Guid.Parse(scopeUrl.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);

        var scopePage = await Html.GetDocumentAsync(client, scopeUrl);
        await ExpectRedirectAsync(Html.SubmitAsync(client, Form(scopePage, "add-target-form"), new Dictionary<string, string>
        {
            ["Target.Name"] = payload,
            ["Target.Kind"] = payload,
        }), "target object");
        scopePage = await Html.GetDocumentAsync(client, scopeUrl);
        var apply = scopePage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Id?.StartsWith("apply-form-", StringComparison.Ordinal) == true);
        foreach (var box in apply.QuerySelectorAll<IHtmlInputElement>("input[name='groupIds']").Where(b => b.Value is "TEC.1" or "ORG.1"))
        {
            box.IsChecked = true;
        }

        await ExpectRedirectAsync(Html.SubmitAsync(client, apply), "modules");
        scopePage = await Html.GetDocumentAsync(client, scopeUrl);
        await ExpectRedirectAsync(Html.SubmitAsync(client, Form(scopePage, "exclude-form"), new Dictionary<string, string>
        {
            ["Exclude.GroupId"] = "TEC.2",
            ["Exclude.Reason"] = payload,
        }), "exclusion");

        var overview = await Html.GetDocumentAsync(client, $"/Assessments/{id}");
        await ExpectRedirectAsync(Html.SubmitAsync(client, Form(overview, "trigger-StartAnswering"), new Dictionary<string, string> { ["Input.Comment"] = payload }), "transition");

        var question = await Html.GetDocumentAsync(client, $"/Assessments/{id}/Questions/0");
        await ExpectRedirectAsync(QuestionnaireTestData.SaveAsync(client, question, new Dictionary<string, string>
        {
            ["Input.Status"] = "Nein",
            ["Input.Justification"] = payload,
            ["Input.ImplementationDescription"] = payload,
            ["Input.Owner"] = payload,
            ["Input.Interviewees"] = payload,
            ["Input.DueDate"] = "2027-01-31",
            ["Input.AssessedOn"] = "2026-11-20",
            ["Input.CostEstimate"] = "100",
        }, "save-stay"), "answer");
        question = await Html.GetDocumentAsync(client, $"/Assessments/{id}/Questions/0");
        var fileName = payload.Replace('/', '_').Replace('\\', '_').Replace('"', '_') + ".pdf";
        await ExpectRedirectAsync(QuestionnaireTestData.UploadAsync(client, question, fileName, QuestionnaireTestData.Pdf()), "evidence");

        // Every page that shows the text.
        foreach (var url in new[] { "/Assessments", $"/Assessments/{id}", scopeUrl, $"/Assessments/{id}/Questions/0", $"/Assessments/{id}/Report" })
        {
            Inert.AssertInertAndShown(await Html.GetDocumentAsync(client, url), payload, url);
        }

        var questionPage = await Html.GetDocumentAsync(client, $"/Assessments/{id}/Questions/0");
        Inert.AssertShowsText(questionPage, EvidenceStore.SanitizeFileName(fileName)!, "evidence list");
        Inert.AssertNoActiveContent(await Html.GetDocumentAsync(client, $"/Assessments/{id}/Exports"), "exports page");

        var download = await client.GetAsync($"/Assessments/{id}/Report?handler=Html");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Inert.AssertInertAndShown(await Html.ParseAsync(download), payload, "report download");

        await AssertWorkbookAsync(client, $"/Assessments/{id}/Exports?handler=GrundschutzCheck", payload);
        await AssertWorkbookAsync(client, $"/Assessments/{id}/Exports?handler=Realisierungsplan", payload);

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Edit/" + isb.Id, $"/Admin/Municipalities?q={ags}", $"/Admin/Municipalities/Edit/{municipalityId}" })
        {
            Inert.AssertInertAndShown(await Html.GetDocumentAsync(admin, url), payload, url);
        }

        // Reflected input: search boxes show the query back.
        var q = Uri.EscapeDataString(payload);
        Inert.AssertInertAndShown(await Html.GetDocumentAsync(client, $"/Catalog/Search?q={q}"), payload, "catalogue search");
        Inert.AssertNoActiveContent(await Html.GetDocumentAsync(admin, $"/Admin/Users?q={q}"), "user search");
        Inert.AssertNoActiveContent(await Html.GetDocumentAsync(admin, $"/Admin/Municipalities?q={q}"), "municipality search");
    }

    /// <summary>No cell of any sheet is a formula; the payload appears as text (target, justification, …, Angaben).</summary>
    private static async Task AssertWorkbookAsync(HttpClient client, string url, string payload)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var matches = 0;
        foreach (var sheet in workbook.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed())
            {
                Assert.False(cell.HasFormula, $"{url}: {sheet.Name}!{cell.Address} is a formula: {cell.FormulaA1}");
                if (cell.GetString() == payload)
                {
                    Assert.Equal(XLDataType.Text, cell.DataType);
                    matches++;
                }
            }
        }

        Assert.True(matches >= 3, $"{url}: the text „{payload}“ appears in {matches} cells as typed, expected at least 3.");
    }

    private static IHtmlFormElement Form(IHtmlDocument document, string id) => QuestionnaireTestData.Form(document, id);

    private static async Task<string> ExpectRedirectAsync(Task<HttpResponseMessage> send, string what)
    {
        var response = await send;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(response);
            var errors = string.Join(" | ", page.QuerySelectorAll("#error-summary li, .field-error").Select(e => e.TextContent.Trim()));
            Assert.Fail($"Saving the {what} answered {(int)response.StatusCode}: {errors}");
        }

        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
