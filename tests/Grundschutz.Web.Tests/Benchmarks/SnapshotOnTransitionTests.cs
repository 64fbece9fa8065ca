using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Benchmarking;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Benchmarks;

/// <summary>
/// Submitting and approving through the real overview forms writes the KPI snapshot at once (stamped with the
/// assessment's current concurrency stamp), without anybody opening the dashboard.
/// </summary>
public sealed class SnapshotOnTransitionTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static readonly string[] IsbRoles = [Roles.Isb];

    /// <summary>
    /// Two dashboards opened at the same moment refresh the same stale snapshot: both finish (one of them used to fail
    /// with a UNIQUE violation, an HTTP 500 for its user) and one current snapshot is stored.
    /// </summary>
    [Fact]
    public async Task Refresh_SameAssessmentAtTheSameMoment_BothSucceedOneSnapshot()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05334099", "Würselen");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server", "TEC.1").AnswerRest().InState(AssessmentState.Submitted).BuildAsync();

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await Task.Yield();
                await scope.ServiceProvider.GetRequiredService<KpiSnapshotService>().RefreshAsync(assessment.Id, CancellationToken.None);
            }));
        }

        var snapshot = await SnapshotAsync(assessment.Id);
        Assert.NotNull(snapshot);
        Assert.Equal(await StampAsync(assessment.Id), snapshot.AssessmentStamp);
        Assert.Equal(AssessmentState.Submitted, snapshot.State);
    }

    [Fact]
    public async Task SubmitAndApprove_ThroughTheForms_StoreACurrentSnapshotRightAway()
    {
        var seed = new AssessmentSeed(factory);
        var versionId = await seed.DemoCatalogVersionIdAsync();
        var (_, isb) = await seed.TenantAsync("05334002", "Aachen");
        var auditor = await seed.UserAsync("pruefer-snapshot", Roles.Auditor, null, "05");
        var isbClient = await seed.SignInAsync(isb);

        var create = await Html.GetDocumentAsync(isbClient, "/Assessments/Create");
        var created = await Html.SubmitAsync(isbClient, Form(create, "create-form"), new Dictionary<string, string>
        {
            ["Input.CatalogVersionId"] = versionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Approach"] = nameof(Approach.GsppNormal),
            ["Input.Title"] = "Erstbewertung 2026",
        });
        var id = IdFromLocation(created);
        var scope = await Html.FollowRedirectAsync(isbClient, created);
        scope = await SubmitAndFollowAsync(isbClient, Form(scope, "add-target-form"), new() { ["Target.Name"] = "Server Rathaus", ["Target.Kind"] = "IT-System" });
        var targetId = (await seed.LoadAsync(id)).TargetObjects.Single().Id;
        var applyForm = Form(scope, $"apply-form-{targetId:N}");
        Check(applyForm, "groupIds", "TEC.1");
        await SubmitAndFollowAsync(isbClient, applyForm);
        var overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-StartAnswering"));
        await AnswerAsync(factory, id, isb.Id, IsbRoles);
        Assert.Null(await SnapshotAsync(id));

        overview = await Html.GetDocumentAsync(isbClient, Overview(id));
        overview = await SubmitAndFollowAsync(isbClient, Form(overview, "trigger-Submit"));
        Assert.Equal("Eingereicht", Text(overview, "#header-state"));
        var submitted = await SnapshotAsync(id);
        Assert.NotNull(submitted);
        Assert.Equal(AssessmentState.Submitted, submitted.State);
        Assert.Equal(await StampAsync(id), submitted.AssessmentStamp);
        // Every question answered "Ja": all basis pairs fulfilled.
        Assert.True(submitted.BasisPairs > 0);
        Assert.Equal(submitted.BasisPairs, submitted.BasisJa);

        var auditorClient = await seed.SignInAsync(auditor);
        var review = await Html.GetDocumentAsync(auditorClient, Overview(id));
        review = await SubmitAndFollowAsync(auditorClient, Form(review, "trigger-StartReview"));
        review = await SubmitAndFollowAsync(auditorClient, Form(review, "trigger-Approve"));
        Assert.Equal("Genehmigt", Text(review, "#header-state"));

        var approved = await SnapshotAsync(id);
        Assert.NotNull(approved);
        Assert.Equal(AssessmentState.Approved, approved.State);
        Assert.Equal(await StampAsync(id), approved.AssessmentStamp);
        Assert.Equal(DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime), approved.ScoredOn);
        Assert.Equal((submitted.BasisJa, submitted.BasisPairs), (approved.BasisJa, approved.BasisPairs));
    }

    private static void Check(IHtmlFormElement form, string name, string value)
    {
        var box = form.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Single(i => i.Value == value);
        box.IsChecked = true;
    }

    private async Task<AssessmentKpiSnapshot?> SnapshotAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.KpiSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentId == id);
    }

    private async Task<Guid> StampAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.Assessments.Where(a => a.Id == id).Select(a => EF.Property<Guid>(a, GrundschutzDbContext.ConcurrencyStamp)).SingleAsync();
    }
}
