using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Report;

/// <summary>
/// The report never shows stale numbers: scores are kept between requests only while the assessment is unchanged,
/// so a new answer, a changed answer and a new day all show at once.
/// </summary>
public sealed class ReportFreshnessTests : IAsyncLifetime, IDisposable
{
    private readonly GrundschutzWebFactory _factory = new();
    private AssessmentSeed _seed = null!;
    private HttpClient _client = null!;
    private AssessmentSeed.SeededAssessment _assessment = null!;
    private Grundschutz.Infrastructure.Identity.ApplicationUser _isb = null!;

    public async Task InitializeAsync()
    {
        _seed = new AssessmentSeed(_factory);
        var (bonn, isb) = await _seed.TenantAsync("05314000", "Bonn");
        _assessment = await _seed.Assessment(bonn, isb)
            .WithTarget("Server", "TEC.2")
            .Answer("TEC.2.1", "Server", AnswerStatus.Ja)
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        _isb = isb;
        _client = await _seed.SignInAsync(isb);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    private async Task<string> NormalSdTAsync()
    {
        var page = await Html.GetDocumentAsync(_client, ReportUrls.Page(_assessment.Id));
        return page.QuerySelector("#kpi-normal-sdt-fraction")!.TextContent.Trim();
    }

    private async Task AnswerAsync(string requirementId, AnswerStatus status)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var assessment = await db.Assessments.Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.Answers)
            .SingleAsync(a => a.Id == _assessment.Id);
        var catalog = await CatalogContextCache.LoadAsync(db, _assessment.CatalogVersionId, CancellationToken.None);
        var today = DateOnly.FromDateTime(_factory.Time.GetUtcNow().UtcDateTime);
        var target = _assessment.Target("Server");
        var actor = new Actor(assessment.CreatedByUserId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
        var input = AssessmentSeed.CompleteAnswer(requirementId, target, status, today);
        assessment.RecordAnswer(input, assessment.FindAnswer(requirementId, target)?.Version ?? 0, actor, _factory.Time.GetUtcNow(), catalog.Find(requirementId)!, today);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Report_AfterNewAndChangedAnswers_ShowsTheNewNumbers()
    {
        // TEC.2 has three normal-SdT controls (TEC.2.4 is erhöht and not in scope of GsppNormal).
        Assert.Equal("1 von 3", await NormalSdTAsync());
        Assert.Equal("1 von 3", await NormalSdTAsync());

        await AnswerAsync("TEC.2.2", AnswerStatus.Ja);
        Assert.Equal("2 von 3", await NormalSdTAsync());

        await AnswerAsync("TEC.2.1", AnswerStatus.Nein);
        Assert.Equal("1 von 3", await NormalSdTAsync());
    }

    [Fact]
    public async Task Report_OnALaterDay_CountsFreshnessForThatDay()
    {
        var page = await Html.GetDocumentAsync(_client, ReportUrls.Page(_assessment.Id));
        Assert.Equal("100 %", page.QuerySelector("#kpi-freshness")!.TextContent.Trim());

        _factory.Time.Advance(TimeSpan.FromDays(400));
        _client.Dispose();
        _client = await _seed.SignInAsync(_isb);

        page = await Html.GetDocumentAsync(_client, ReportUrls.Page(_assessment.Id));
        Assert.Equal("0 %", page.QuerySelector("#kpi-freshness")!.TextContent.Trim());
    }
}
