using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Isolation;

/// <summary>
/// Tenant isolation in <see cref="AssessmentAccess"/>, run against the real database with users whose
/// <see cref="CurrentUser"/> comes from the real claims factory.
/// </summary>
public sealed class AssessmentAccessTests
{
    /// <summary>
    /// Köln (Land 05) and Frankfurt (Land 06), each with an ISB, one assessment in progress and one submitted;
    /// Köln also has a contributor.
    /// </summary>
    private sealed record Scenario(
        AssessmentSeed Seed,
        Municipality Koeln, ApplicationUser IsbKoeln, ApplicationUser ContributorKoeln, Guid KoelnInProgress, Guid KoelnSubmitted,
        Municipality Frankfurt, ApplicationUser IsbFrankfurt, Guid FrankfurtInProgress, Guid FrankfurtSubmitted);

    private static async Task<Scenario> TwoMunicipalitiesAsync(GrundschutzWebFactory factory)
    {
        var seed = new AssessmentSeed(factory);
        var (koeln, isbKoeln) = await seed.TenantAsync("05315000", "Köln");
        var contributorKoeln = await seed.UserAsync("mitarbeit-koeln", Roles.Contributor, koeln);
        var (frankfurt, isbFrankfurt) = await seed.TenantAsync("06412000", "Frankfurt am Main");

        var koelnInProgress = await seed.Assessment(koeln, isbKoeln).Titled("Köln laufend")
            .WithTarget("Server Rathaus", "TEC.1", "TEC.2")
            .AssignContributor(contributorKoeln, "TEC.2")
            .Answer("TEC.1.1", "Server Rathaus", AnswerStatus.Ja)
            .Answer("TEC.2.1", "Server Rathaus", AnswerStatus.Nein, by: contributorKoeln)
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var koelnSubmitted = await seed.Assessment(koeln, isbKoeln).Titled("Köln eingereicht")
            .WithTarget("Server Rathaus", "TEC.1").InState(AssessmentState.Submitted).BuildAsync();
        var frankfurtInProgress = await seed.Assessment(frankfurt, isbFrankfurt).Titled("Frankfurt laufend")
            .WithTarget("Clients", "TEC.2").Answer("TEC.2.3", "Clients", AnswerStatus.Ja).InState(AssessmentState.InProgress).BuildAsync();
        var frankfurtSubmitted = await seed.Assessment(frankfurt, isbFrankfurt).Titled("Frankfurt eingereicht")
            .WithTarget("Clients", "NOT.1").InState(AssessmentState.Submitted).BuildAsync();
        return new Scenario(
            seed, koeln, isbKoeln, contributorKoeln, koelnInProgress.Id, koelnSubmitted.Id,
            frankfurt, isbFrankfurt, frankfurtInProgress.Id, frankfurtSubmitted.Id);
    }

    private static async Task<List<Guid>> VisibleAsync(GrundschutzWebFactory factory, CurrentUser? user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var ids = await AssessmentAccess.Visible(db, user).Select(a => a.Id).ToListAsync();
        return [.. ids.Order()];
    }

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];

    [Fact]
    public async Task Visible_IsbOfMunicipality_SeesOnlyItsOwnAssessmentsInEveryState()
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);

        var koeln = await VisibleAsync(factory, await s.Seed.CurrentUserAsync(s.IsbKoeln));
        var frankfurt = await VisibleAsync(factory, await s.Seed.CurrentUserAsync(s.IsbFrankfurt));

        Assert.Equal(Sorted(s.KoelnInProgress, s.KoelnSubmitted), koeln);
        Assert.Equal(Sorted(s.FrankfurtInProgress, s.FrankfurtSubmitted), frankfurt);
    }

    [Fact]
    public async Task Visible_ContributorOfMunicipality_SeesOnlyItsOwnAssessments()
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);

        var visible = await VisibleAsync(factory, await s.Seed.CurrentUserAsync(s.ContributorKoeln));

        Assert.Equal(Sorted(s.KoelnInProgress, s.KoelnSubmitted), visible);
    }

    [Fact]
    public async Task Visible_AuditorOfLand_SeesOnlySubmittedOrLaterAssessmentsInThatLand()
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);
        // Every state once more in Köln (Land 05); only Submitted and later may be visible to the auditor.
        var byState = new Dictionary<AssessmentState, Guid>();
        foreach (var state in Enum.GetValues<AssessmentState>())
        {
            var built = await s.Seed.Assessment(s.Koeln, s.IsbKoeln).Titled("Köln " + state).WithTarget("Server", "ORG.1").InState(state).BuildAsync();
            byState[state] = built.Id;
        }

        var auditorNrw = await s.Seed.UserAsync("pruefer-nrw", Roles.Auditor, auditorLands: "05");
        var auditorHessen = await s.Seed.UserAsync("pruefer-hessen", Roles.Auditor, auditorLands: "06");
        var auditorBoth = await s.Seed.UserAsync("pruefer-beide", Roles.Auditor, auditorLands: ["05", "06"]);
        var auditorBayern = await s.Seed.UserAsync("pruefer-bayern", Roles.Auditor, auditorLands: "09");

        var expectedNrw = Sorted(
            s.KoelnSubmitted, byState[AssessmentState.Submitted], byState[AssessmentState.InReview], byState[AssessmentState.Returned],
            byState[AssessmentState.Approved], byState[AssessmentState.Archived]);
        Assert.Equal(expectedNrw, await VisibleAsync(factory, await s.Seed.CurrentUserAsync(auditorNrw)));
        Assert.Equal(Sorted(s.FrankfurtSubmitted), await VisibleAsync(factory, await s.Seed.CurrentUserAsync(auditorHessen)));
        Assert.Equal(Sorted([.. expectedNrw, s.FrankfurtSubmitted]), await VisibleAsync(factory, await s.Seed.CurrentUserAsync(auditorBoth)));
        Assert.Empty(await VisibleAsync(factory, await s.Seed.CurrentUserAsync(auditorBayern)));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Facilitator)]
    public async Task Visible_AdministratorOrFacilitator_SeesNoAssessment(string role)
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);
        // Even with tenant fields set (e.g. left over from an earlier role) these roles see no contents.
        var user = await s.Seed.UserAsync("nur-" + role.ToLowerInvariant(), [role], s.Koeln.Id, ["05"]);

        Assert.Empty(await VisibleAsync(factory, await s.Seed.CurrentUserAsync(user)));
    }

    [Fact]
    public async Task Visible_Anonymous_SeesNoAssessment()
    {
        using var factory = new GrundschutzWebFactory();
        await TwoMunicipalitiesAsync(factory);

        Assert.Empty(await VisibleAsync(factory, null));
    }

    [Fact]
    public async Task Visible_IsbWithoutMunicipalityOrAuditorWithoutLands_SeesNoAssessment()
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);
        var isb = await s.Seed.UserAsync("isb-ohne-kommune", Roles.Isb);
        var auditor = await s.Seed.UserAsync("pruefer-ohne-land", Roles.Auditor);

        Assert.Empty(await VisibleAsync(factory, await s.Seed.CurrentUserAsync(isb)));
        Assert.Empty(await VisibleAsync(factory, await s.Seed.CurrentUserAsync(auditor)));
    }

    [Fact]
    public async Task LoadAggregate_IdOfOtherMunicipality_FindsNothing()
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);
        var isbKoeln = await s.Seed.CurrentUserAsync(s.IsbKoeln);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();

        var own = await AssessmentAccess.LoadAggregateAsync(db, isbKoeln, s.KoelnInProgress, CancellationToken.None);
        var forged = await AssessmentAccess.LoadAggregateAsync(db, isbKoeln, s.FrankfurtInProgress, CancellationToken.None);

        Assert.NotNull(own);
        Assert.Equal(2, own.Answers.Count);
        Assert.Equal("TEC.2", Assert.Single(own.ContributorAssignments).GroupId);
        Assert.Null(forged);
    }

    [Fact]
    public async Task Seed_Assessment_IsBuiltThroughTheDomainWithRealActors()
    {
        using var factory = new GrundschutzWebFactory();
        var s = await TwoMunicipalitiesAsync(factory);

        var assessment = await s.Seed.LoadAsync(s.KoelnInProgress);
        var submitted = await s.Seed.LoadAsync(s.KoelnSubmitted);

        Assert.Equal(AssessmentState.InProgress, assessment.State);
        Assert.Equal(s.Koeln.Id, assessment.MunicipalityId);
        Assert.Equal(s.IsbKoeln.Id, Assert.Single(assessment.Transitions).ActorUserId);
        Assert.Equal(s.ContributorKoeln.Id, assessment.Answers.Single(a => a.RequirementId == "TEC.2.1").UpdatedByUserId);
        Assert.Equal(AssessmentState.Submitted, submitted.State);
        Assert.All(submitted.Answers, a => Assert.Equal(AnswerStatus.Ja, a.Status));
        Assert.Equal(3, submitted.Answers.Count); // TEC.1.1–TEC.1.3, completed for Submit
    }
}
