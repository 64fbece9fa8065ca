using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// The whole path an ISB and an auditor walk, through real forms only (anti-forgery tokens travel as in a
/// browser): login → create → scope → answer every question in the questionnaire → submit → review → approve.
/// </summary>
public sealed class EndToEndFormsTests
{
    [Fact]
    public async Task IsbAndAuditor_CompleteTheLifecycle_ThroughRealForms()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var versionId = await seed.DemoCatalogVersionIdAsync();
        var (municipality, isb) = await seed.TenantAsync("05315000", "Köln");
        var auditor = await seed.UserAsync("pruefer-nrw", Roles.Auditor, null, "05");
        var isbClient = await seed.SignInAsync(isb);

        // Create.
        var create = await Html.GetDocumentAsync(isbClient, "/Assessments/Create");
        var created = await AssessmentPages.SubmitAndFollowAsync(isbClient, AssessmentPages.Form(create, "create-form"), new Dictionary<string, string>
        {
            ["Input.CatalogVersionId"] = versionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Approach"] = nameof(Approach.GsppNormal),
            ["Input.Title"] = "Selbstbewertung 2026",
        });
        var scopeUrl = created.Url;
        Assert.EndsWith("/Scope", new Uri(scopeUrl).AbsolutePath, StringComparison.Ordinal);
        var assessmentPath = new Uri(scopeUrl).AbsolutePath[..^"/Scope".Length];

        // Scope: one target object with the Datensicherung topic (3 controls).
        var scope = await AssessmentPages.SubmitAndFollowAsync(isbClient, AssessmentPages.Form(created, "add-target-form"), new Dictionary<string, string>
        {
            ["Target.Name"] = "Server Rathaus",
            ["Target.Kind"] = "IT-System",
        });
        var apply = (IHtmlFormElement)scope.QuerySelector("form[id^='apply-form-']")!;
        var tec1 = apply.QuerySelectorAll("input[name=groupIds]").OfType<IHtmlInputElement>().Single(i => i.Value == "TEC.1");
        tec1.IsChecked = true;
        await AssessmentPages.SubmitAndFollowAsync(isbClient, apply);

        // Start answering on the overview.
        var overview = await Html.GetDocumentAsync(isbClient, assessmentPath);
        overview = await AssessmentPages.SubmitAndFollowAsync(isbClient, AssessmentPages.Form(overview, "trigger-StartAnswering"));
        Assert.Null(overview.GetElementById("trigger-Submit")); // nothing answered yet: submit is not offered

        // Answer every question through the questionnaire, "Speichern und weiter" leads from one to the next.
        var response = await isbClient.GetAsync(assessmentPath + "/Questions");
        var question = await Html.FollowRedirectAsync(isbClient, response);
        var answered = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var form = AssessmentPages.Form(question, "question-form");
            answered.Add(((IHtmlInputElement)form.Elements["Input.RequirementId"]!).Value);
            var saved = await Html.SubmitAsync(isbClient, form, new Dictionary<string, string>
            {
                ["Input.Status"] = nameof(AnswerStatus.Ja),
                ["Input.ImplementationDescription"] = "Umgesetzt laut Betriebshandbuch, Kapitel " + (i + 1),
                ["Input.AssessedOn"] = "2026-11-20",
                ["Input.Interviewees"] = "IT-Leitung",
            }, (IHtmlElement)question.GetElementById("save-next")!);
            question = await Html.FollowRedirectAsync(isbClient, saved);
        }

        Assert.Equal(["TEC.1.1", "TEC.1.2", "TEC.1.3"], answered);
        // After the last question the questionnaire returns to the overview, which now offers submit.
        Assert.Equal(assessmentPath, new Uri(question.Url).AbsolutePath);
        var submitted = await AssessmentPages.SubmitAndFollowAsync(isbClient, AssessmentPages.Form(question, "trigger-Submit"), new Dictionary<string, string>
        {
            ["Input.Comment"] = "Bitte prüfen.",
        });
        Assert.Contains(AssessmentTexts.StateName(AssessmentState.Submitted), submitted.Body!.TextContent, StringComparison.Ordinal);

        // The auditor of the Land reviews and approves (four eyes: the auditor answered nothing).
        var auditorClient = await seed.SignInAsync(auditor);
        var review = await Html.GetDocumentAsync(auditorClient, assessmentPath);
        review = await AssessmentPages.SubmitAndFollowAsync(auditorClient, AssessmentPages.Form(review, "trigger-StartReview"));
        var approved = await AssessmentPages.SubmitAndFollowAsync(auditorClient, AssessmentPages.Form(review, "trigger-Approve"), new Dictionary<string, string>
        {
            ["Input.Comment"] = "Plausibel, freigegeben.",
        });

        var history = approved.QuerySelectorAll("table")
            .First(t => t.TextContent.Contains("Plausibel, freigegeben.", StringComparison.Ordinal));
        Assert.Equal(4, history.QuerySelectorAll("tbody tr").Length); // start, submit, review, approve
        Assert.Null(approved.GetElementById("trigger-Approve"));

        // Approved is read-only: the questionnaire shows no form any more.
        var readOnly = await Html.GetDocumentAsync(isbClient, assessmentPath + "/Questions/0");
        Assert.Null(readOnly.GetElementById("question-form"));

        // The municipality of another Land's auditor never sees it.
        var otherAuditor = await seed.UserAsync("pruefer-by", Roles.Auditor, null, "09");
        var otherClient = await seed.SignInAsync(otherAuditor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(assessmentPath)).StatusCode);
        Assert.Equal(municipality.Id, (await seed.LoadAsync(Guid.Parse(assessmentPath[(assessmentPath.LastIndexOf('/') + 1)..]))).MunicipalityId);
    }
}
