using System.Net;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// Tenant isolation of every assessment page and handler: another municipality's ISB and an auditor of another Land
/// get 404 (with a real anti-forgery token of their own), anonymous users are sent to the login, and a post without
/// token is rejected. After every attempt the assessment is unchanged.
/// </summary>
public sealed class AssessmentPageIsolationTests(AssessmentPageIsolationTests.Scenario scenario) : IClassFixture<AssessmentPageIsolationTests.Scenario>
{
    /// <summary>Every POST handler of the pages, with plausible fields (ids of the victim's own objects).</summary>
    public static TheoryData<string, string> Handlers => new()
    {
        { "Scope", "AddTarget" },
        { "Scope", "RenameTarget" },
        { "Scope", "RemoveTarget" },
        { "Scope", "ApplyModules" },
        { "Scope", "ExcludeModule" },
        { "Scope", "RemoveExclusion" },
        { "Scope", "AdoptHRequirements" },
        { "Scope", "AssignContributor" },
        { "Scope", "UnassignContributor" },
        { "Overview", "StartAnswering" },
        { "Overview", "Submit" },
        { "Overview", "StartReview" },
        { "Overview", "Return" },
        { "Overview", "Rework" },
        { "Overview", "Approve" },
        { "Overview", "Archive" },
        { "Overview", "Reopen" },
    };

    [Fact]
    public async Task OtherMunicipalitysIsb_GetPages_NotFound()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbB);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Overview(scenario.KoelnDraft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Scope(scenario.KoelnDraft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Overview(scenario.KoelnSubmitted.Id))).StatusCode);
        var index = await Html.GetDocumentAsync(client, "/Assessments");
        Assert.Null(index.QuerySelector($"#assessment-{scenario.KoelnDraft.Id}"));
        Assert.Null(index.QuerySelector($"#assessment-{scenario.KoelnSubmitted.Id}"));
        Assert.NotNull(index.QuerySelector($"#assessment-{scenario.FrankfurtOwn.Id}"));
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task OtherMunicipalitysIsb_PostHandlerWithOwnToken_NotFoundAndNothingChanged(string page, string handler)
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbB);
        var ownToken = await TokenFromAsync(client, Scope(scenario.FrankfurtOwn.Id));
        foreach (var victim in new[] { scenario.KoelnDraft, scenario.KoelnSubmitted })
        {
            var before = await scenario.SnapshotAsync(victim.Id);

            var response = await PostAsync(client, Url(page, victim.Id), handler, ownToken, scenario.FieldsFor(handler, victim));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(before, await scenario.SnapshotAsync(victim.Id));
        }
    }

    [Fact]
    public async Task AuditorOfOtherLand_GetPages_NotFound()
    {
        var client = await scenario.Seed.SignInAsync(scenario.AuditorHessen);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Overview(scenario.KoelnSubmitted.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Scope(scenario.KoelnSubmitted.Id))).StatusCode);
        Assert.Null((await Html.GetDocumentAsync(client, "/Assessments")).QuerySelector($"#assessment-{scenario.KoelnSubmitted.Id}"));
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task AuditorOfOtherLand_PostHandler_NotFoundAndNothingChanged(string page, string handler)
    {
        var client = await scenario.Seed.SignInAsync(scenario.AuditorHessen);
        var ownToken = await TokenFromAsync(client, Overview(scenario.FrankfurtSubmitted.Id));
        var victim = scenario.KoelnSubmitted;
        var before = await scenario.SnapshotAsync(victim.Id);

        var response = await PostAsync(client, Url(page, victim.Id), handler, ownToken, scenario.FieldsFor(handler, victim));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await scenario.SnapshotAsync(victim.Id));
    }

    [Fact]
    public async Task AuditorOfTheLand_DraftIsNotVisibleYet()
    {
        var client = await scenario.Seed.SignInAsync(scenario.AuditorNrw);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Overview(scenario.KoelnDraft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Overview(scenario.KoelnSubmitted.Id))).StatusCode);
    }

    [Theory]
    [InlineData("/Assessments")]
    [InlineData("/Assessments/Create")]
    [InlineData("overview")]
    [InlineData("scope")]
    public async Task Anonymous_GetPage_RedirectsToLogin(string url)
    {
        var client = scenario.Factory.CreateBrowserClient();
        var target = url switch
        {
            "overview" => Overview(scenario.KoelnDraft.Id),
            "scope" => Scope(scenario.KoelnDraft.Id),
            _ => url,
        };

        var response = await client.GetAsync(target);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", PathAndQuery(response.Headers.Location!), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Anonymous_PostHandler_RedirectsToLoginAndChangesNothing(string page, string handler)
    {
        var client = scenario.Factory.CreateBrowserClient();
        var victim = scenario.KoelnDraft;
        var before = await scenario.SnapshotAsync(victim.Id);

        var response = await PostAsync(client, Url(page, victim.Id), handler, null, scenario.FieldsFor(handler, victim));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", PathAndQuery(response.Headers.Location!), StringComparison.Ordinal);
        Assert.Equal(before, await scenario.SnapshotAsync(victim.Id));
    }

    [Theory]
    [InlineData("Overview", "StartAnswering")]
    [InlineData("Scope", "AddTarget")]
    [InlineData("Scope", "ApplyModules")]
    public async Task OwnIsb_PostWithoutAntiforgeryToken_BadRequest(string page, string handler)
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbA);
        var victim = scenario.KoelnDraft;
        var before = await scenario.SnapshotAsync(victim.Id);

        var response = await PostAsync(client, Url(page, victim.Id), handler, null, scenario.FieldsFor(handler, victim));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await scenario.SnapshotAsync(victim.Id));
    }

    [Fact]
    public async Task OwnIsb_SeesOwnAssessments()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbA);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Overview(scenario.KoelnDraft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Scope(scenario.KoelnDraft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Overview(scenario.FrankfurtOwn.Id))).StatusCode);
    }

    private static string Url(string page, Guid id) => page == "Scope" ? Scope(id) : Overview(id);

    /// <summary>
    /// Köln (Land 05) with an ISB, a contributor and two assessments (a draft with an exclusion and an assignment, and
    /// a submitted one); Frankfurt (Land 06) with its own ISB and assessments; an auditor for each Land.
    /// </summary>
    public sealed class Scenario : IAsyncLifetime
    {
        public GrundschutzWebFactory Factory { get; } = new();

        public AssessmentSeed Seed { get; private set; } = null!;

        public ApplicationUser IsbA { get; private set; } = null!;

        public ApplicationUser IsbB { get; private set; } = null!;

        public ApplicationUser ContributorA { get; private set; } = null!;

        public ApplicationUser AuditorNrw { get; private set; } = null!;

        public ApplicationUser AuditorHessen { get; private set; } = null!;

        public AssessmentSeed.SeededAssessment KoelnDraft { get; private set; } = null!;

        public AssessmentSeed.SeededAssessment KoelnSubmitted { get; private set; } = null!;

        public AssessmentSeed.SeededAssessment FrankfurtOwn { get; private set; } = null!;

        public AssessmentSeed.SeededAssessment FrankfurtSubmitted { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Seed = new AssessmentSeed(Factory);
            var (koeln, isbA) = await Seed.TenantAsync("05315000", "Köln");
            var (frankfurt, isbB) = await Seed.TenantAsync("06412000", "Frankfurt am Main");
            IsbA = isbA;
            IsbB = isbB;
            ContributorA = await Seed.UserAsync("mitarbeit-koeln", Roles.Contributor, koeln);
            AuditorNrw = await Seed.UserAsync("pruefer-nrw", Roles.Auditor, null, "05");
            AuditorHessen = await Seed.UserAsync("pruefer-hessen", Roles.Auditor, null, "06");
            KoelnDraft = await Seed.Assessment(koeln, isbA).Titled("Köln Entwurf")
                .WithTarget("Server Rathaus", "TEC.1").AssignContributor(ContributorA, "TEC.1").BuildAsync();
            KoelnSubmitted = await Seed.Assessment(koeln, isbA).Titled("Köln eingereicht")
                .WithTarget("Server Rathaus", "TEC.1").InState(AssessmentState.Submitted).BuildAsync();
            FrankfurtOwn = await Seed.Assessment(frankfurt, isbB).Titled("Frankfurt").WithTarget("Clients", "TEC.2").BuildAsync();
            FrankfurtSubmitted = await Seed.Assessment(frankfurt, isbB).Titled("Frankfurt eingereicht")
                .WithTarget("Clients", "TEC.2").InState(AssessmentState.Submitted).BuildAsync();
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        /// <summary>Fields a real form of <paramref name="handler"/> would send, aimed at the victim's own objects.</summary>
        public (string, string)[] FieldsFor(string handler, AssessmentSeed.SeededAssessment victim)
        {
            var target = victim.Target("Server Rathaus").ToString();
            return handler switch
            {
                "AddTarget" => [("Target.Name", "Eingeschleust"), ("Target.Kind", "IT-System")],
                "RenameTarget" => [("Rename.TargetId", target), ("Rename.Name", "Umbenannt")],
                "RemoveTarget" => [("targetId", target), ("force", "true")],
                "ApplyModules" => [("targetId", target), ("groupIds", "ORG.1"), ("force", "true")],
                "ExcludeModule" => [("Exclude.GroupId", "NOT.1"), ("Exclude.Reason", "Eingeschleust")],
                "RemoveExclusion" => [("groupId", "NOT.1")],
                "AdoptHRequirements" => [("requirementIds", "TEC.2.4")],
                "AssignContributor" => [("Assign.UserId", ContributorA.Id), ("Assign.GroupId", "TEC.1")],
                "UnassignContributor" => [("userId", ContributorA.Id), ("groupId", "TEC.1")],
                "Return" => [("Input.Comment", "Eingeschleust")],
                _ => [],
            };
        }

        private async Task<int> CountAssessmentsAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Assessments.CountAsync();
        }

        /// <summary>What an attack could change, as one comparable value.</summary>
        public async Task<string> SnapshotAsync(Guid id)
        {
            var a = await Seed.LoadAsync(id);
            return string.Join(
                "; ",
                a.State,
                a.Title,
                string.Join(",", a.TargetObjects.Select(t => t.Name).Order(StringComparer.Ordinal)),
                string.Join(",", a.ModuleApplications.Select(m => m.GroupId).Order(StringComparer.Ordinal)),
                string.Join(",", a.ModuleExclusions.Select(m => m.GroupId).Order(StringComparer.Ordinal)),
                string.Join(",", a.ContributorAssignments.Select(m => m.UserId + "/" + m.GroupId).Order(StringComparer.Ordinal)),
                string.Join(",", a.AdoptedHRequirements.Order(StringComparer.Ordinal)),
                a.Transitions.Count,
                a.Answers.Count,
                await CountAssessmentsAsync());
        }
    }
}
