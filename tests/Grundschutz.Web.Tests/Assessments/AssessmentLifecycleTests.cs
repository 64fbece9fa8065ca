using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>The whole life cycle through the real pages and forms, with answers recorded through the domain.</summary>
public sealed class AssessmentLifecycleTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static readonly string[] IsbRoles = [Roles.Isb];

    [Fact]
    public async Task Lifecycle_CreateScopeAnswerSubmitReturnReworkApproveReopen_WorksThroughThePages()
    {
        var seed = new AssessmentSeed(factory);
        var versionId = await seed.DemoCatalogVersionIdAsync();
        var (koeln, isb) = await seed.TenantAsync("05315000", "Köln");
        var auditor = await seed.UserAsync("pruefer-nrw", Roles.Auditor, null, "05");
        var isbClient = await seed.SignInAsync(isb);

        // Create through the form: the municipality comes from the sign-in.
        var index = await Html.GetDocumentAsync(isbClient, "/Assessments");
        Assert.NotNull(index.QuerySelector("#create-assessment-link"));
        Assert.NotNull(index.QuerySelector("#no-assessments"));
        var create = await Html.GetDocumentAsync(isbClient, "/Assessments/Create");
        var created = await Html.SubmitAsync(isbClient, Form(create, "create-form"), new Dictionary<string, string>
        {
            ["Input.CatalogVersionId"] = versionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Approach"] = nameof(Approach.GsppNormal),
            ["Input.Title"] = "Erstbewertung 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFromLocation(created);
        Assert.Equal(Scope(id), created.Headers.Location!.ToString());
        var scope = await Html.FollowRedirectAsync(isbClient, created);
        Assert.Contains("Erstbewertung 2026", Text(scope, "#status-message"), StringComparison.Ordinal);
        Assert.Equal("Köln", Text(scope, "#header-municipality"));
        var stored = await seed.LoadAsync(id);
        Assert.Equal((koeln.Id, versionId, Approach.GsppNormal, AssessmentState.Draft), (stored.MunicipalityId, stored.CatalogVersionId, stored.Approach, stored.State));

        // Scope: a target object and two modules.
        scope = await SubmitAndFollowAsync(isbClient, Form(scope, "add-target-form"), new() { ["Target.Name"] = "Server Rathaus", ["Target.Kind"] = "IT-System" });
        var targetId = (await seed.LoadAsync(id)).TargetObjects.Single().Id;
        var applyForm = Form(scope, $"apply-form-{targetId:N}");
        Check(applyForm, "groupIds", "TEC.1");
        Check(applyForm, "groupIds", "TEC.2");
        scope = await SubmitAndFollowAsync(isbClient, applyForm);
        Assert.Contains("2 hinzugefügt", Text(scope, "#status-message"), StringComparison.Ordinal);
        Assert.Equal(["TEC.1", "TEC.2"], (await seed.LoadAsync(id)).ModuleApplications.Select(m => m.GroupId).Order(StringComparer.Ordinal));

        // Overview: the questions step is next; start answering.
        var overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        Assert.Equal("Fragen", Text(overview, "#wizard-steps [aria-current='step']"));
        Assert.Equal("Entwurf", Text(overview, "#header-state"));
        overview = await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-StartAnswering"));
        Assert.Equal("In Bearbeitung", Text(overview, "#header-state"));

        // Answers come from the questionnaire page (another page); here they are recorded through the domain.
        await AnswerAsync(factory, id, isb.Id, IsbRoles, count: 2);
        var progress = await ProgressAsync(factory, seed, id);
        Assert.Equal(2, progress.Answered);
        Assert.True(progress.Total > 2);
        overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        Assert.Equal($"Gesamt: 2 von {progress.Total} beantwortet", Text(overview, "#overall-progress-label"));
        Assert.Equal("2", overview.QuerySelector("#overall-progress")!.GetAttribute("value"));
        Assert.Null(overview.QuerySelector("#trigger-Submit"));
        Assert.Contains("noch nicht beantwortet", Text(overview, "#blocked-Submit"), StringComparison.Ordinal);
        var english = await Html.GetDocumentAsync(isbClient, Overview(id) + "?culture=en");
        Assert.Equal(
            [$"{progress.Total - 2} requirements have not been answered yet."],
            english.QuerySelectorAll("#blocked-Submit li").Select(li => li.TextContent.Trim()));

        // Submitting with missing answers is refused with the domain's message; nothing changes.
        var refused = await PostAsync(isbClient, Overview(id), "Submit", Token(scope));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ParseAsync(refused);
        var error = Assert.Single(Errors(refusedPage));
        Assert.StartsWith("„Einreichen“ ist nicht möglich:", error, StringComparison.Ordinal);
        Assert.Equal($"„Einreichen“ ist nicht möglich: {progress.Total - 2} Anforderungen sind noch nicht beantwortet.", error);
        var refusedEnglish = await isbClient.PostAsync(
            $"{Overview(id)}?handler=Submit&culture=en",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(scope)! }));
        Assert.Equal(
            [$"“Submit” is not possible: {progress.Total - 2} requirements have not been answered yet."],
            Errors(await Html.ParseAsync(refusedEnglish)));
        Assert.Equal(AssessmentState.InProgress, await StateAsync(seed, id));

        // Complete, then submit through the form.
        await AnswerAsync(factory, id, isb.Id, IsbRoles);
        overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        Assert.NotNull(overview.QuerySelector("#complete"));
        Assert.Equal("Zusammenfassung", Text(overview, "#wizard-steps [aria-current='step']"));
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        overview = await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-Submit"));
        Assert.Equal("Eingereicht", Text(overview, "#header-state"));
        Assert.Null(overview.QuerySelector("#resume-link"));

        // The auditor of Land 05 sees it, starts the review and returns it; the comment is required.
        var auditorClient = await seed.SignInAsync(auditor);
        var auditorIndex = await Html.GetDocumentAsync(auditorClient, "/Assessments");
        Assert.NotNull(auditorIndex.QuerySelector($"#assessment-{id}"));
        Assert.Null(auditorIndex.QuerySelector("#create-assessment-link"));
        var review = await Html.GetDocumentAsync(auditorClient, Overview(id));
        review = await SubmitAndFollowAsync(auditorClient, Form(review, "trigger-StartReview"));
        Assert.Equal("In Prüfung", Text(review, "#header-state"));
        var noComment = await SubmitRefusedAsync(auditorClient, Form(review, "trigger-Return"));
        Assert.Contains(AssessmentWorkflow.GuardComment, Assert.Single(Errors(noComment)), StringComparison.Ordinal);
        Assert.Equal(["#comment-Return"], ErrorLinks(noComment));
        Assert.Equal(AssessmentState.InReview, await StateAsync(seed, id));
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var returnedAt = factory.Time.GetUtcNow();
        review = await SubmitAndFollowAsync(auditorClient, Form(noComment, "trigger-Return"), new() { ["Input.Comment"] = "Bitte die Datensicherung genauer beschreiben." });
        Assert.Equal("Zurückgegeben", Text(review, "#header-state"));

        // The history shows who returned it, when (German local time) and why.
        var returnRow = review.QuerySelector("#history tr[data-trigger='Return']")!;
        Assert.Equal("In Prüfung", returnRow.QuerySelector(".from")!.TextContent);
        Assert.Equal("Zurückgegeben", returnRow.QuerySelector(".to")!.TextContent);
        Assert.Equal("pruefer-nrw", returnRow.QuerySelector(".who")!.TextContent);
        Assert.Equal(GermanLocal(returnedAt), returnRow.QuerySelector(".when")!.TextContent);
        Assert.Equal("Bitte die Datensicherung genauer beschreiben.", returnRow.QuerySelector(".comment")!.TextContent);

        // The ISB reworks and submits again.
        overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        overview = await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-Rework"));
        Assert.Equal("In Bearbeitung", Text(overview, "#header-state"));
        overview = await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-Submit"), new() { ["Input.Comment"] = "Beschreibung ergänzt." });
        Assert.Equal("Eingereicht", Text(overview, "#header-state"));

        // The auditor approves; the assessment becomes read-only.
        review = await Html.GetDocumentAsync(auditorClient, Overview(id));
        review = await SubmitAndFollowAsync(auditorClient, Form(review, "trigger-StartReview"));
        review = await SubmitAndFollowAsync(auditorClient, Form(review, "trigger-Approve"));
        Assert.Equal("Genehmigt", Text(review, "#header-state"));
        Assert.NotNull(review.QuerySelector("#readonly-banner"));
        Assert.Empty(review.QuerySelectorAll("form.trigger-form"));
        var triggers = review.QuerySelectorAll("#history tbody tr").Select(r => r.GetAttribute("data-trigger")).ToList();
        Assert.Equal(["StartAnswering", "Submit", "StartReview", "Return", "Rework", "Submit", "StartReview", "Approve"], triggers);

        // Read-only for the ISB too: the scope cannot be changed, not even by a forged post.
        var readOnlyScope = await Html.GetDocumentAsync(isbClient, Scope(id));
        Assert.NotNull(readOnlyScope.QuerySelector("#scope-readonly"));
        Assert.Null(readOnlyScope.QuerySelector("#add-target-form"));
        var forgedScope = await PostAsync(isbClient, Scope(id), "AddTarget", await TokenFromAsync(isbClient, Overview(id)), ("Target.Name", "Noch ein Server"));
        Assert.Equal(HttpStatusCode.OK, forgedScope.StatusCode);
        Assert.Contains("schreibgeschützt", Assert.Single(Errors(await Html.ParseAsync(forgedScope))), StringComparison.Ordinal);
        var forgedEnglish = await isbClient.PostAsync(
            $"{Scope(id)}?handler=AddTarget&culture=en",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = (await TokenFromAsync(isbClient, Overview(id)))!,
                ["Target.Name"] = "Noch ein Server",
            }));
        Assert.Equal(["The assessment is read-only in state “Approved”."], Errors(await Html.ParseAsync(forgedEnglish)));
        overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        Assert.NotNull(overview.QuerySelector("#readonly-banner"));
        Assert.Null(overview.QuerySelector("#resume-link"));
        Assert.NotNull(overview.QuerySelector("#trigger-Archive"));

        // Reopen: a new assessment in Draft with the answers copied; the approved one stays as it is.
        var reopened = await Html.SubmitAsync(isbClient, Form(overview, "reopen-form"));
        var newId = IdFromLocation(reopened);
        Assert.NotEqual(id, newId);
        var next = await Html.FollowRedirectAsync(isbClient, reopened);
        Assert.Equal("Entwurf", Text(next, "#header-state"));
        Assert.Equal(Overview(id), next.QuerySelector("#header-previous a")!.GetAttribute("href"));
        Assert.Equal($"Gesamt: {progress.Total} von {progress.Total} beantwortet", Text(next, "#overall-progress-label"));
        var old = await seed.LoadAsync(id);
        var copy = await seed.LoadAsync(newId);
        Assert.Equal(AssessmentState.Approved, old.State);
        Assert.Equal(old.Answers.Count, copy.Answers.Count);
        Assert.Equal(old.Answers.Select(a => (a.RequirementId, a.Status)).Order(), copy.Answers.Select(a => (a.RequirementId, a.Status)).Order());
        Assert.Equal(id, copy.PreviousAssessmentId);

        // Archiving the approved one is the ISB's last step.
        overview = await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-Archive"));
        Assert.Equal("Archiviert", Text(overview, "#header-state"));
        var list = await Html.GetDocumentAsync(isbClient, "/Assessments");
        Assert.Equal("Archiviert", Text(list, $"#assessment-{id} .state"));
        Assert.Equal("Entwurf", Text(list, $"#assessment-{newId} .state"));
        Assert.Equal($"{progress.Total} von {progress.Total} beantwortet", Text(list, $"#assessment-{newId} .progress-cell"));
    }

    /// <summary>
    /// „Wieder öffnen“ starts the one next cycle: sent again (a double click, a second tab – one after the other or at
    /// the same moment) it is refused with a link to the next assessment instead of creating a second one.
    /// </summary>
    [Fact]
    public async Task Reopen_SentTwiceOrAtOnce_OneNextAssessmentAndALinkToIt()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05314099", "Königswinter");
        var approved = await seed.Assessment(municipality, isb).Titled("Selbstbewertung 2025").WithTarget("Server", "TEC.1").AnswerRest().InState(AssessmentState.Approved).BuildAsync();
        var archived = await seed.Assessment(municipality, isb).Titled("Selbstbewertung 2024").WithTarget("Server", "TEC.1").AnswerRest().InState(AssessmentState.Archived).BuildAsync();
        var client = await seed.SignInAsync(isb);

        // One after the other: the second form (loaded before the first was sent) is refused.
        var overview = await Html.GetDocumentAsync(client, Overview(approved.Id));
        var first = await Html.SubmitAsync(client, Form(overview, "reopen-form"));
        var second = await Html.SubmitAsync(client, Form(overview, "reopen-form"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["Diese Bewertung wurde bereits wieder geöffnet: Die Folgebewertung ist „Selbstbewertung 2025“."], Errors(await Html.ParseAsync(second)));
        Assert.Equal([IdFromLocation(first)], await SuccessorsAsync(approved.Id));

        // The original now links to its next cycle and no longer offers to reopen.
        overview = await Html.GetDocumentAsync(client, Overview(approved.Id));
        Assert.Null(overview.GetElementById("reopen-form"));
        Assert.Equal(Overview(IdFromLocation(first)), overview.GetElementById("successor-link")!.GetAttribute("href"));

        // At the same moment: one wins, the other is refused (by the check or by the concurrency stamp).
        overview = await Html.GetDocumentAsync(client, Overview(archived.Id));
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Html.SubmitAsync(client, Form(overview, "reopen-form"))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], both.Select(r => r.StatusCode).Order());
        Assert.Single(await SuccessorsAsync(archived.Id));
    }

    private async Task<List<Guid>> SuccessorsAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.Assessments.AsNoTracking().Where(a => a.PreviousAssessmentId == id).Select(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Approve_ByAuditorWhoAnswered_IsRefusedWithFourEyesMessage()
    {
        var seed = new AssessmentSeed(factory);
        var (bonn, isb) = await seed.TenantAsync("05314000", "Bonn");

        // A person who is both ISB and auditor and has answered in this assessment.
        var both = await seed.UserAsync("isb-und-pruefer-bonn", [Roles.Isb, Roles.Auditor], bonn.Id, ["05"]);
        var assessment = await seed.Assessment(bonn, isb)
            .WithTarget("Server", "TEC.1")
            .Answer("TEC.1.1", "Server", AnswerStatus.Ja, by: both)
            .InState(AssessmentState.InReview)
            .BuildAsync();
        var client = await seed.SignInAsync(both);

        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));
        Assert.Null(overview.QuerySelector("#trigger-Approve"));
        Assert.Contains("Vier-Augen-Prinzip", Text(overview, "#blocked-Approve"), StringComparison.Ordinal);
        var english = await Html.GetDocumentAsync(client, Overview(assessment.Id) + "?culture=en");
        Assert.Equal(
            ["Four-eyes principle: whoever recorded answers in this assessment may not approve it."],
            english.QuerySelectorAll("#blocked-Approve li").Select(li => li.TextContent.Trim()));
        Assert.NotNull(overview.QuerySelector("#trigger-Return"));

        var response = await PostAsync(client, Overview(assessment.Id), "Approve", Token(overview));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(AssessmentWorkflow.GuardFourEyes, Assert.Single(Errors(page)), StringComparison.Ordinal);
        Assert.Equal(AssessmentState.InReview, await StateAsync(seed, assessment.Id));
        Assert.Equal("In Prüfung", Text(page, "#header-state"));
    }

    [Fact]
    public async Task ForgedTrigger_NotPermittedInState_ShowsDomainMessageAndChangesNothing()
    {
        var seed = new AssessmentSeed(factory);
        var (bruehl, isb) = await seed.TenantAsync("05362008", "Brühl");
        var assessment = await seed.Assessment(bruehl, isb).WithTarget("Server", "TEC.1").BuildAsync();
        var client = await seed.SignInAsync(isb);
        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));

        var response = await PostAsync(client, Overview(assessment.Id), "Approve", Token(overview));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([AssessmentTexts.NotPossible(AssessmentTrigger.Approve, AssessmentState.Draft)], Errors(page));
        var stored = await seed.LoadAsync(assessment.Id);
        Assert.Equal(AssessmentState.Draft, stored.State);
        Assert.Empty(stored.Transitions);
    }

    [Fact]
    public async Task StartAnswering_WithoutScope_IsNotOfferedAndForgedPostIsRefused()
    {
        var seed = new AssessmentSeed(factory);
        var (huerth, isb) = await seed.TenantAsync("05362024", "Hürth");
        var assessment = await seed.Assessment(huerth, isb).BuildAsync();
        var client = await seed.SignInAsync(isb);
        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));
        Assert.Null(overview.QuerySelector("#trigger-StartAnswering"));
        Assert.Contains(AssessmentWorkflow.GuardScope, Text(overview, "#blocked-StartAnswering"), StringComparison.Ordinal);
        Assert.Equal("Umfang", Text(overview, "#wizard-steps [aria-current='step']"));
        Assert.Equal("false", overview.QuerySelector("#step-Questions")!.GetAttribute("data-reachable"));
        Assert.NotNull(overview.QuerySelector("#no-questions"));

        var scopeToken = await TokenFromAsync(client, Scope(assessment.Id));
        var response = await PostAsync(client, Overview(assessment.Id), "StartAnswering", scopeToken);

        var page = await Html.ParseAsync(response);
        Assert.Contains(AssessmentWorkflow.GuardScope, Assert.Single(Errors(page)), StringComparison.Ordinal);
        Assert.Equal(AssessmentState.Draft, await StateAsync(seed, assessment.Id));
    }

    [Fact]
    public async Task Overview_ShowsProgressPerModuleAndResumeLinkToQuestionnaire()
    {
        var seed = new AssessmentSeed(factory);
        var (kerpen, isb) = await seed.TenantAsync("05362032", "Kerpen");
        var assessment = await seed.Assessment(kerpen, isb)
            .WithTarget("Server", "TEC.1", "ORG.1")
            .Answer("ORG.1.1", "Server", AnswerStatus.Ja)
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));

        var rows = overview.QuerySelectorAll("#module-progress tbody tr").ToList();
        Assert.Equal(["ORG.1", "TEC.1"], rows.Select(r => r.GetAttribute("data-group-id")));
        Assert.Equal("1 von 3 beantwortet", rows[0].QuerySelector(".module-answered")!.TextContent);
        Assert.Equal("0 von 3 beantwortet", rows[1].QuerySelector(".module-answered")!.TextContent);
        var bar = rows[0].QuerySelector("progress")!;
        Assert.Equal("3", bar.GetAttribute("max"));
        Assert.Equal("1", bar.GetAttribute("value"));
        Assert.Equal("module-ORG-1", bar.GetAttribute("aria-labelledby"));
        Assert.NotNull(overview.GetElementById("module-ORG-1"));
        Assert.Equal("overall-progress", overview.QuerySelector("label#overall-progress-label")!.GetAttribute("for"));

        // Resume at the first open question (position 1: ORG.1.2), on the questionnaire page.
        Assert.Equal($"/Assessments/{assessment.Id}/Questions/1", overview.QuerySelector("#resume-link")!.GetAttribute("href"));
        Assert.Equal($"/Assessments/{assessment.Id}/Scope", overview.QuerySelector("#step-Scope a")!.GetAttribute("href"));
        Assert.Contains("5 Anforderungen sind noch nicht beantwortet.", Text(overview, "#completeness-problems"), StringComparison.Ordinal);
        Assert.Equal(5, overview.QuerySelectorAll("#problem-details li").Length);
    }

    [Fact]
    public async Task Index_ListsVisibleAssessmentsWithStateProgressAndCatalogue()
    {
        var seed = new AssessmentSeed(factory);
        var (frechen, isb) = await seed.TenantAsync("05362016", "Frechen");
        var (other, otherIsb) = await seed.TenantAsync("05362040", "Pulheim");
        var contributor = await seed.UserAsync("mitarbeit-frechen", Roles.Contributor, frechen);
        var mine = await seed.Assessment(frechen, isb).Titled("Frechen 2026").WithTarget("Server", "TEC.1")
            .Answer("TEC.1.1", "Server", AnswerStatus.Ja).InState(AssessmentState.InProgress).BuildAsync();
        var theirs = await seed.Assessment(other, otherIsb).Titled("Pulheim 2026").BuildAsync();

        var page = await Html.GetDocumentAsync(await seed.SignInAsync(contributor), "/Assessments");

        var row = page.QuerySelector($"#assessment-{mine.Id}")!;
        Assert.Equal("Frechen", row.QuerySelector(".municipality")!.TextContent);
        Assert.Equal("Frechen 2026", row.QuerySelector(".title")!.TextContent.Trim());
        Assert.Equal("Demo-Katalog Kommunale Basissicherheit 2026.1", string.Join(' ', row.QuerySelector(".catalog")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Grundschutz++ (normal-SdT)", row.QuerySelector(".approach")!.TextContent);
        Assert.Equal("In Bearbeitung", row.QuerySelector(".state")!.TextContent);
        Assert.Equal("1 von 3 beantwortet", row.QuerySelector(".progress-cell")!.TextContent);
        Assert.Equal(GermanLocal(factory.Time.GetUtcNow()), row.QuerySelector(".last-change")!.TextContent);
        Assert.Null(page.QuerySelector($"#assessment-{theirs.Id}"));
        Assert.Null(page.QuerySelector("#create-assessment-link"));
        Assert.NotNull(page.QuerySelector("#nav-assessments"));
    }

    [Fact]
    public async Task Overview_InEnglish_ShowsTranslatedStateStepsAndActions()
    {
        var seed = new AssessmentSeed(factory);
        var (bedburg, isb) = await seed.TenantAsync("05362004", "Bedburg");
        var assessment = await seed.Assessment(bedburg, isb).WithTarget("Server", "TEC.1").BuildAsync();
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, Overview(assessment.Id) + "?culture=en&ui-culture=en");

        Assert.Equal("Draft", Text(page, "#header-state"));
        Assert.Equal("Grundschutz++ (normal-SdT)", Text(page, "#header-approach"));
        Assert.Equal("Questions", Text(page, "#wizard-steps [aria-current='step']"));
        Assert.Equal("Start answering", Text(page, "#trigger-StartAnswering-button"));
        Assert.Equal("Overall: 0 of 3 answered", Text(page, "#overall-progress-label"));
    }

    private static void Check(IHtmlFormElement form, string name, string value)
    {
        var box = form.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Single(i => i.Value == value);
        box.IsChecked = true;
    }
}
