using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Assessments;

public sealed class ScopePageTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task TargetObjects_AddRenameRemove_WithValidation()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241001", "Hannover");
        var assessment = await seed.Assessment(municipality, isb).BuildAsync();
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));
        Assert.NotNull(page.QuerySelector("#no-targets"));
        Assert.NotNull(page.QuerySelector("#modules-need-target"));

        var empty = await SubmitRefusedAsync(client, Form(page, "add-target-form"));
        Assert.Equal(["Bitte geben Sie einen Namen für das Zielobjekt an."], Errors(empty));
        Assert.Equal(["#Target_Name"], ErrorLinks(empty));

        page = await SubmitAndFollowAsync(client, Form(empty, "add-target-form"), new() { ["Target.Name"] = "Server Rathaus", ["Target.Kind"] = "IT-System" });
        Assert.Equal("Das Zielobjekt „Server Rathaus“ wurde angelegt.", Text(page, "#status-message"));
        var duplicate = await SubmitRefusedAsync(client, Form(page, "add-target-form"), new() { ["Target.Name"] = "server rathaus" });
        Assert.Equal(["Ein Zielobjekt „server rathaus“ gibt es bereits."], Errors(duplicate));

        var targetId = (await seed.LoadAsync(assessment.Id)).TargetObjects.Single().Id;
        var renameForm = Form(page, $"rename-form-{targetId:N}");
        var blankName = await SubmitRefusedAsync(client, renameForm, new() { ["Rename.Name"] = "" });
        Assert.Equal([$"#rename-name-{targetId:N}"], ErrorLinks(blankName));
        Assert.NotNull(blankName.GetElementById($"rename-name-{targetId:N}"));
        page = await SubmitAndFollowAsync(client, Form(blankName, $"rename-form-{targetId:N}"), new() { ["Rename.Name"] = "Server Bürgeramt", ["Rename.Kind"] = "Server" });
        Assert.Equal("Server Bürgeramt", Text(page, $"#target-{targetId:N} .target-name"));
        Assert.Equal("Server", Text(page, $"#target-{targetId:N} .target-kind"));

        page = await SubmitAndFollowAsync(client, Form(page, $"remove-target-{targetId:N}"));
        Assert.Equal("Das Zielobjekt „Server Bürgeramt“ wurde entfernt.", Text(page, "#status-message"));
        Assert.Empty((await seed.LoadAsync(assessment.Id)).TargetObjects);
    }

    [Fact]
    public async Task RemoveTarget_WithAnswers_NeedsExplicitConfirmation()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241002", "Barsinghausen");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server", "TEC.1").Answer("TEC.1.1", "Server", AnswerStatus.Ja).InState(AssessmentState.InProgress).BuildAsync();
        var client = await seed.SignInAsync(isb);
        var targetId = assessment.Target("Server");
        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));
        Assert.Equal("1", Text(page, $"#target-{targetId:N} .target-answered"));

        var refused = await SubmitRefusedAsync(client, Form(page, $"remove-target-{targetId:N}"));
        Assert.Contains("Zum Entfernen bitte ausdrücklich bestätigen.", Assert.Single(Errors(refused)), StringComparison.Ordinal);
        Assert.Single((await seed.LoadAsync(assessment.Id)).TargetObjects);

        await SubmitAndFollowAsync(client, Form(refused, $"remove-target-{targetId:N}"), new() { ["force"] = "true" });
        var stored = await seed.LoadAsync(assessment.Id);
        Assert.Empty(stored.TargetObjects);
        Assert.Empty(stored.Answers);
    }

    [Fact]
    public async Task ApplyModules_ChecklistIsDiffedAgainstCurrentState()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241003", "Burgdorf");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Clients", "ORG.1").BuildAsync();
        var client = await seed.SignInAsync(isb);
        var targetId = assessment.Target("Clients");
        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        // The checklist groups modules under their practice and shows requirement counts.
        var form = Form(page, $"apply-form-{targetId:N}");
        Assert.Equal(["ORG", "TEC", "NOT"], form.QuerySelectorAll("fieldset.module-layer legend .group-id").Select(e => e.TextContent));
        var tec2 = Box(form, "TEC.2");
        Assert.Contains("4 Anforderungen, davon 3 für diese Vorgehensweise", tec2.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.True(Box(form, "ORG.1").IsChecked);

        Box(form, "ORG.1").IsChecked = false;
        Box(form, "TEC.1").IsChecked = true;
        Box(form, "NOT.1").IsChecked = true;
        page = await SubmitAndFollowAsync(client, form);

        Assert.Equal("Bausteine für „Clients“ gespeichert: 2 hinzugefügt, 1 entfernt.", Text(page, "#status-message"));
        Assert.Equal(["NOT.1", "TEC.1"], (await seed.LoadAsync(assessment.Id)).ModuleApplications.Select(m => m.GroupId).Order(StringComparer.Ordinal));
        Assert.True(Box(Form(page, $"apply-form-{targetId:N}"), "TEC.1").IsChecked);

        // A group that is not a module of the pinned version is refused (forged checkbox).
        var forged = await PostAsync(client, Scope(assessment.Id), "ApplyModules", Token(page), ("targetId", targetId.ToString()), ("groupIds", "TEC.1"), ("groupIds", "SYS.2.1"));
        var refused = await Html.ParseAsync(forged);
        Assert.Equal(["Den Baustein SYS.2.1 gibt es in der Katalogversion dieser Bewertung nicht."], Errors(refused));
        Assert.Equal([$"#apply-{targetId:N}"], ErrorLinks(refused));
        Assert.Equal(2, (await seed.LoadAsync(assessment.Id)).ModuleApplications.Count);
    }

    [Fact]
    public async Task ExcludeModule_ReasonRequired_ThenListedAndNoLongerApplicable()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241004", "Garbsen");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Clients", "ORG.1").BuildAsync();
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));
        Assert.Equal("4 Bausteine sind weder angewendet noch begründet ausgeschlossen.", Text(page, "#unjustified-count"));

        var noReason = await SubmitRefusedAsync(client, Form(page, "exclude-form"), new() { ["Exclude.GroupId"] = "TEC.2" });
        Assert.Equal(["Bitte begründen Sie, warum der Baustein nicht angewendet wird."], Errors(noReason));
        Assert.Equal(["#Exclude_Reason"], ErrorLinks(noReason));
        Assert.NotNull(noReason.GetElementById("Exclude_Reason"));

        page = await SubmitAndFollowAsync(client, Form(noReason, "exclude-form"), new() { ["Exclude.GroupId"] = "TEC.2", ["Exclude.Reason"] = "Die Administration übernimmt das Kreisrechenzentrum." });
        Assert.Equal("Die Administration übernimmt das Kreisrechenzentrum.", Text(page, "#exclusion-TEC-2 .exclusion-reason"));
        Assert.Equal("3 Bausteine sind weder angewendet noch begründet ausgeschlossen.", Text(page, "#unjustified-count"));
        Assert.True(Box(Form(page, $"apply-form-{assessment.Target("Clients"):N}"), "TEC.2").IsDisabled);
        Assert.Equal("Der Baustein TEC.2 ist jetzt als „nicht angewendet“ begründet.", Text(page, "#status-message"));

        // The same form sent again (double click, a second tab) does not claim a new exclusion; a new reason is a change.
        var again = await SubmitAndFollowAsync(client, Form(noReason, "exclude-form"), new() { ["Exclude.GroupId"] = "TEC.2", ["Exclude.Reason"] = "Die Administration übernimmt das Kreisrechenzentrum." });
        Assert.Equal("Der Baustein TEC.2 war bereits mit dieser Begründung als „nicht angewendet“ erfasst; nichts geändert.", Text(again, "#status-message"));
        var changed = await SubmitAndFollowAsync(client, Form(noReason, "exclude-form"), new() { ["Exclude.GroupId"] = "TEC.2", ["Exclude.Reason"] = "Das Kreisrechenzentrum betreibt die Server." });
        Assert.Equal("Die Begründung für TEC.2 wurde geändert.", Text(changed, "#status-message"));
        Assert.Equal("Das Kreisrechenzentrum betreibt die Server.", Assert.Single((await seed.LoadAsync(assessment.Id)).ModuleExclusions).Reason);

        // An applied module cannot be excluded: the domain's message.
        var applied = await PostAsync(client, Scope(assessment.Id), "ExcludeModule", Token(page), ("Exclude.GroupId", "ORG.1"), ("Exclude.Reason", "Brauchen wir nicht."));
        Assert.Equal(["Der Baustein ORG.1 ist auf Zielobjekte angewendet und kann daher nicht ausgeschlossen werden."], Errors(await Html.ParseAsync(applied)));

        page = await SubmitAndFollowAsync(client, Form(page, "remove-exclusion-TEC-2"));
        Assert.Empty((await seed.LoadAsync(assessment.Id)).ModuleExclusions);
        Assert.Null(page.QuerySelector("#exclusions"));
    }

    /// <summary>
    /// Removing what is not there (removed meanwhile in another tab, or a forged id) says so instead of reporting
    /// success – and never echoes the posted value: a 100,000-character id used to land in the status cookie and made
    /// every later request of that browser fail with HTTP 431.
    /// </summary>
    [Fact]
    public async Task RemoveExclusionAndAssignment_NothingThere_SaysSoWithoutEchoingTheInput()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241099", "Laatzen");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Clients", "ORG.1").BuildAsync();
        var client = await seed.SignInAsync(isb);
        var token = Token(await Html.GetDocumentAsync(client, Scope(assessment.Id)));
        var forged = "NOPE." + new string('9', 100_000);

        var exclusion = await PostAsync(client, Scope(assessment.Id), "RemoveExclusion", token, ("groupId", forged));
        var assignment = await PostAsync(client, Scope(assessment.Id), "UnassignContributor", token, ("userId", isb.Id), ("groupId", forged));

        Assert.Equal(HttpStatusCode.OK, exclusion.StatusCode);
        Assert.Equal(["Für diesen Baustein ist keine Begründung (mehr) hinterlegt."], Errors(await Html.ParseAsync(exclusion)));
        Assert.Equal(HttpStatusCode.OK, assignment.StatusCode);
        Assert.Equal(["Diese Zuständigkeit besteht nicht (mehr)."], Errors(await Html.ParseAsync(assignment)));
        Assert.All(exclusion.Headers.Concat(assignment.Headers).Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), cookie => Assert.True(cookie.Length < 1000, $"a cookie of {cookie.Length} characters"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Scope(assessment.Id))).StatusCode);
    }

    [Fact]
    public async Task HRequirements_OfferedForStandardAbsicherung_AdoptedAndDropped()
    {
        var seed = new AssessmentSeed(factory);
        int versionId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            var file = SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Kompendium/minimal-kompendium.xml");
            versionId = (await importer.ImportAsync([CatalogImportFile.FromPath(file)], "test", CancellationToken.None))[0].CatalogVersionId;
        }

        var (municipality, isb) = await seed.TenantAsync("03241005", "Hemmingen");
        var standard = await seed.Assessment(municipality, isb).OnCatalogVersion(versionId).WithApproach(Approach.Standard)
            .WithTarget("Prüfstand", "TST.1").BuildAsync();
        var basis = await seed.Assessment(municipality, isb).OnCatalogVersion(versionId).WithApproach(Approach.Basis)
            .WithTarget("Prüfstand", "TST.1").BuildAsync();
        var client = await seed.SignInAsync(isb);

        Assert.Null((await Html.GetDocumentAsync(client, Scope(basis.Id))).QuerySelector("#h-heading"));

        var page = await Html.GetDocumentAsync(client, Scope(standard.Id));
        var form = Form(page, "h-form");
        var box = form.QuerySelectorAll<IHtmlInputElement>("input[name='requirementIds']").Single();
        Assert.Equal("TST.1.A6", box.Value);
        Assert.False(box.IsChecked);
        var before = await ProgressAsync(factory, seed, standard.Id);

        box.IsChecked = true;
        page = await SubmitAndFollowAsync(client, form);
        Assert.Equal("H-Anforderungen gespeichert: 1 übernommen, 0 entfernt.", Text(page, "#status-message"));
        Assert.Equal(["TST.1.A6"], (await seed.LoadAsync(standard.Id)).AdoptedHRequirements);
        Assert.Equal(before.Total + 1, (await ProgressAsync(factory, seed, standard.Id)).Total);

        var again = Form(page, "h-form");
        Assert.True(again.QuerySelectorAll<IHtmlInputElement>("input[name='requirementIds']").Single().IsChecked);
        again.QuerySelectorAll<IHtmlInputElement>("input[name='requirementIds']").Single().IsChecked = false;
        page = await SubmitAndFollowAsync(client, again);
        Assert.Empty((await seed.LoadAsync(standard.Id)).AdoptedHRequirements);

        // Sent unchanged: no „saved“ – and in a state that locks the scope, the rule's message instead.
        page = await SubmitAndFollowAsync(client, Form(page, "h-form"));
        Assert.Equal("Die Auswahl der H-Anforderungen ist unverändert.", Text(page, "#status-message"));
        var submitted = await seed.Assessment(municipality, isb).OnCatalogVersion(versionId).WithApproach(Approach.Standard)
            .WithTarget("Prüfstand", "TST.1").AnswerRest().InState(AssessmentState.InReview).BuildAsync();
        var locked = await PostAsync(client, Scope(submitted.Id), "AdoptHRequirements", Token(page));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(["Der Umfang kann im Zustand „In Prüfung“ nicht geändert werden."], Errors(await Html.ParseAsync(locked)));
    }

    [Fact]
    public async Task Contributors_OnlyOwnMunicipality_CanBeAssignedAndUnassigned()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241006", "Isernhagen");
        var (other, _) = await seed.TenantAsync("03241007", "Laatzen");
        var own = await seed.UserAsync("mitarbeit-isernhagen", Roles.Contributor, municipality);
        var foreign = await seed.UserAsync("mitarbeit-laatzen", Roles.Contributor, other);
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server", "TEC.1", "TEC.2").BuildAsync();
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        var form = Form(page, "assign-form");
        Assert.Equal([own.Id], form.QuerySelectorAll<IHtmlOptionElement>("#Assign_UserId option").Select(o => o.Value));
        Assert.Equal(["TEC.1", "TEC.2"], form.QuerySelectorAll<IHtmlOptionElement>("#Assign_GroupId option").Select(o => o.Value));

        var forged = await PostAsync(client, Scope(assessment.Id), "AssignContributor", Token(page), ("Assign.UserId", foreign.Id), ("Assign.GroupId", "TEC.1"));
        Assert.Equal(["Bitte wählen Sie eine mitwirkende Person Ihrer Kommune."], Errors(await Html.ParseAsync(forged)));
        Assert.Empty((await seed.LoadAsync(assessment.Id)).ContributorAssignments);

        page = await SubmitAndFollowAsync(client, form, new() { ["Assign.GroupId"] = "TEC.2" });
        Assert.Equal("mitarbeit-isernhagen ist jetzt für TEC.2 zuständig.", Text(page, "#status-message"));
        Assert.Equal("mitarbeit-isernhagen", Text(page, "#assignment-0 .assignment-user"));
        var assignment = Assert.Single((await seed.LoadAsync(assessment.Id)).ContributorAssignments);
        Assert.Equal((own.Id, "TEC.2"), (assignment.UserId, assignment.GroupId));

        // The same form sent again (double click, a second tab): no second assignment, and no „jetzt“.
        var again = await SubmitAndFollowAsync(client, form, new() { ["Assign.GroupId"] = "TEC.2" });
        Assert.Equal("mitarbeit-isernhagen war bereits für TEC.2 zuständig; nichts geändert.", Text(again, "#status-message"));
        Assert.Single((await seed.LoadAsync(assessment.Id)).ContributorAssignments);

        await SubmitAndFollowAsync(client, Form(page, "unassign-form-0"));
        Assert.Empty((await seed.LoadAsync(assessment.Id)).ContributorAssignments);
    }

    [Fact]
    public async Task Scope_Submitted_IsReadOnlyWithExplanation()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241008", "Langenhagen");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server", "TEC.1").InState(AssessmentState.Submitted).BuildAsync();
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        Assert.Contains("„Eingereicht“", Text(page, "#scope-readonly"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal("TEC.1", page.QuerySelector($"#applied-{assessment.Target("Server"):N} li")!.GetAttribute("data-group-id"));
    }

    [Fact]
    public async Task Scope_Contributor_SeesItReadOnlyAndMayNotChangeIt()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241009", "Lehrte");
        var contributor = await seed.UserAsync("mitarbeit-lehrte", Roles.Contributor, municipality);
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server", "TEC.1").BuildAsync();
        var client = await seed.SignInAsync(contributor);

        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));
        Assert.NotNull(page.QuerySelector("#scope-readonly"));
        Assert.Null(page.QuerySelector("#add-target-form"));

        var token = await TokenFromAsync(client, "/Account/ChangePassword");
        var response = await PostAsync(client, Scope(assessment.Id), "AddTarget", token, ("Target.Name", "Mein Laptop"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", PathAndQuery(response.Headers.Location!), StringComparison.Ordinal);
        Assert.Single((await seed.LoadAsync(assessment.Id)).TargetObjects);
    }

    private static IHtmlInputElement Box(IHtmlFormElement form, string groupId) =>
        form.QuerySelectorAll<IHtmlInputElement>("input[name='groupIds']").Single(i => i.Value == groupId);
}
