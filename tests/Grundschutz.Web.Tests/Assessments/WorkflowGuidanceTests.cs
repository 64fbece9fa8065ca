using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// What an ISB on day one needs to see at each step of the workflow: after a return, why and what to do next; after
/// submitting, who acts now; on the start page, where her assessments are or how to create the first one.
/// </summary>
public sealed class WorkflowGuidanceTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task Overview_Returned_IsbSeesTheReviewersCommentAndTheNextStepsAtTheTop()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241001", "Hannover");
        var auditor = await seed.UserAsync("pruefer-nds", Roles.Auditor, null, "03");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.Returned, auditor)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));

        var notice = overview.QuerySelector("#state-notice")
            ?? throw new Xunit.Sdk.XunitException("No #state-notice on the overview of a returned assessment.");
        Assert.Equal("Returned", notice.GetAttribute("data-state"));
        Assert.Equal("Bitte überarbeiten (Testdaten).", Text(overview, "#return-comment"));
        Assert.Contains("pruefer-nds", Text(overview, "#return-by"), StringComparison.Ordinal);
        // The next steps name the button and link to it; the notice comes before the progress section.
        Assert.Contains("„Überarbeiten“", Text(overview, "#state-next-steps"), StringComparison.Ordinal);
        Assert.Equal("#trigger-Rework", overview.QuerySelector("#state-next-steps a")!.GetAttribute("href"));
        Assert.NotNull(overview.QuerySelector("#trigger-Rework"));
        Assert.True(notice.CompareDocumentPosition(overview.QuerySelector("#progress-heading")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));

        var english = await Html.GetDocumentAsync(client, Overview(assessment.Id) + "?culture=en");
        Assert.Contains("“Rework”", Text(english, "#state-next-steps"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AssessmentState.Submitted)]
    [InlineData(AssessmentState.InReview)]
    public async Task Overview_WaitingForReview_IsbIsToldWhoActsNowAndThatNothingCanBeChanged(AssessmentState state)
    {
        var seed = new AssessmentSeed(factory);
        var ags = state == AssessmentState.Submitted ? "03241002" : "03241003";
        var (municipality, isb) = await seed.TenantAsync(ags, "Gemeinde " + ags);
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(state)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));

        var notice = overview.QuerySelector("#state-notice")
            ?? throw new Xunit.Sdk.XunitException($"No #state-notice on the overview of an assessment in state {state}.");
        Assert.Equal(state.ToString(), notice.GetAttribute("data-state"));
        Assert.Contains("Prüferin oder der Prüfer", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("zurückgegeben", notice.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_InProgress_NoStateNoticeAndTheProgressSaysWhatItCounts()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241004", "Gemeinde in Bearbeitung");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));

        Assert.Null(overview.QuerySelector("#state-notice"));
        Assert.Contains("je Zielobjekt", Text(overview, "#progress-explained"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_IsbWithoutAssessment_NamesTheStepsAndLinksToCreateAndHelp()
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("03241005", "Neustadt ohne Bewertung");
        var client = await seed.SignInAsync(isb);

        var start = await Html.GetDocumentAsync(client, "/");

        Assert.NotNull(start.QuerySelector("#start-no-assessment"));
        Assert.Equal("/Assessments/Create", start.QuerySelector("#start-create-link")!.GetAttribute("href"));
        Assert.Equal(4, start.QuerySelectorAll("#start-steps li").Length);
        Assert.Equal("/Hilfe/Begriffe", start.QuerySelector("#start-help-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task StartPage_IsbWithAssessment_LinksToItWithItsState()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241006", "Altstadt mit Bewertung");
        var assessment = await seed.Assessment(municipality, isb)
            .Titled("Erstbewertung Altstadt")
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.Returned)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var start = await Html.GetDocumentAsync(client, "/");

        Assert.Null(start.QuerySelector("#start-no-assessment"));
        var link = start.QuerySelector($"#start-assessment-{assessment.Id} a")!;
        Assert.Equal(Overview(assessment.Id), link.GetAttribute("href"));
        Assert.Equal("Erstbewertung Altstadt", link.TextContent.Trim());
        Assert.Equal("Zurückgegeben", Text(start, $"#start-assessment-{assessment.Id} .state"));
    }

    [Fact]
    public async Task StartPage_Anonymous_NoAssessmentSection()
    {
        var client = factory.CreateBrowserClient();

        var start = await Html.GetDocumentAsync(client, "/");

        Assert.Null(start.QuerySelector("#start-assessments"));
        Assert.Null(start.QuerySelector("#start-no-assessment"));
    }

    [Fact]
    public async Task Overview_SubmitBlockedAndNoLeitlinie_IsbGetsLinksToTheOpenPointsAndToThePolicies()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241007", "Gemeinde ohne Leitlinie");
        var auditor = await seed.UserAsync("pruefer-nds-2", Roles.Auditor, null, "03");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var overview = await Html.GetDocumentAsync(client, Overview(assessment.Id));

        Assert.Equal("#completeness-heading", overview.QuerySelector("#blocked-Submit a")!.GetAttribute("href"));
        Assert.NotNull(overview.GetElementById("completeness-heading"));
        Assert.NotNull(overview.QuerySelector("#freshness-warnings li[data-kind='LeitlinieMissing']"));
        Assert.Equal("/Policies", overview.QuerySelector("#freshness-warnings #freshness-policies-link")!.GetAttribute("href"));

        // The auditor cannot upload policies: no link for her.
        var submitted = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.Submitted)
            .BuildAsync();
        var auditorView = await Html.GetDocumentAsync(await seed.SignInAsync(auditor), Overview(submitted.Id));
        Assert.NotNull(auditorView.QuerySelector("#freshness-warnings li[data-kind='LeitlinieMissing']"));
        Assert.Null(auditorView.QuerySelector("#freshness-warnings a"));
    }

    [Fact]
    public async Task Scope_NoContributorAccounts_SaysWhoCreatesThemAndThatTheIsbCanAnswerAlone()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241008", "Gemeinde ohne Mitwirkende");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server Rathaus", "TEC.1").BuildAsync();
        var client = await seed.SignInAsync(isb);

        var scope = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        var text = Text(scope, "#no-contributors");
        Assert.Contains("Administration", text, StringComparison.Ordinal);
        Assert.Contains("selbst beantworten", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessmentList_Empty_IsbGetsTheCreateLinkAndAnAuditorLearnsWhatWillAppear()
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("03241009", "Leerdorf");
        var auditor = await seed.UserAsync("pruefer-ohne-land-mit-bewertung", Roles.Auditor, null, "16");

        var isbList = await Html.GetDocumentAsync(await seed.SignInAsync(isb), "/Assessments");
        var auditorList = await Html.GetDocumentAsync(await seed.SignInAsync(auditor), "/Assessments");

        Assert.Equal("/Assessments/Create", isbList.QuerySelector("#no-assessments a")!.GetAttribute("href"));
        Assert.Contains("eingereicht", Text(auditorList, "#no-assessments"), StringComparison.Ordinal);
        Assert.Null(auditorList.QuerySelector("#no-assessments a"));
    }

    [Fact]
    public async Task Scope_Returned_SaysHowToMakeTheScopeEditableAgain()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241012", "Gemeinde mit Rückgabe");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.Returned)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var scope = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        Assert.Contains("„Überarbeiten“", Text(scope, "#scope-readonly"), StringComparison.Ordinal);
        Assert.Equal(Overview(assessment.Id) + "#trigger-Rework", scope.QuerySelector("#scope-readonly a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Create_CatalogVersions_ShowHowManyRequirementsEachHas()
    {
        var seed = new AssessmentSeed(factory);
        var versionId = await seed.DemoCatalogVersionIdAsync();
        var (_, isb) = await seed.TenantAsync("03241013", "Katalogwahl");
        var client = await seed.SignInAsync(isb);

        var create = await Html.GetDocumentAsync(client, "/Assessments/Create");

        var option = create.QuerySelector($"#Input_CatalogVersionId option[value='{versionId}']")!;
        Assert.EndsWith("(15 Anforderungen)", option.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("vollständigen Katalog", Text(create, "#version-hint"), StringComparison.Ordinal);
    }
}
