using System.Net;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>The hash chain in the database: rows changed behind the application's back are named; old rows are backfilled.</summary>
public sealed class AnswerChainDatabaseTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>
{
    [Fact]
    public async Task Verify_FreshAssessment_NoBreaks()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "07111000", "Koblenz");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();

        Assert.Empty(await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_RowAlteredDirectlyInTheDatabase_NamesTheEntry()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "07211000", "Trier");
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var answer = assessment.FindAnswer("TEC.1.2", scenario.Assessment.Target(EvidenceScenario.Clients))!;
        var change = answer.History.Single(h => h.Field == AnswerFields.Status);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();

        // A plain UPDATE, as an administrator with database access could run it.
        Assert.Equal(1, await db.Set<AnswerChange>().Where(c => c.Id == change.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NewValue, "Ja")));

        var found = Assert.Single(await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None));
        Assert.Equal(change.Id, found.ChangeId);
        Assert.Equal(change.Sequence, found.Sequence);
        Assert.Equal("TEC.1.2", found.RequirementId);
        Assert.Contains("nachträglich verändert", found.Reason, StringComparison.Ordinal);

        // The package refuses and names the entry.
        var client = await scenario.SignInAsync();
        var response = await client.GetAsync(EvidenceScenario.Package(scenario.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.FollowRedirectAsync(client, response);
        Assert.Contains(change.Id.ToString(), page.QuerySelector("#evidence-package-reason")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_NamesTheAnswer()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "07311000", "Frankenthal");
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var answer = assessment.FindAnswer("TEC.1.1", scenario.Assessment.Target(EvidenceScenario.Server))!;
        var last = answer.History.OrderBy(h => h.Sequence).Last();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();

        await db.Set<AnswerChange>().Where(c => c.Id == last.Id).ExecuteDeleteAsync();

        var found = Assert.Single(await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None));
        Assert.Equal(answer.Id, found.AnswerId);
        Assert.Null(found.ChangeId);
    }

    [Fact]
    public async Task Backfill_RowsWithoutHashes_ChainedAndVerify()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "07312000", "Kaiserslautern");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var answerIds = await db.Answers.Where(a => EF.Property<Guid>(a, "AssessmentId") == scenario.Id).Select(a => a.Id).ToListAsync();
        // As the rows looked before the chain existed (the migration adds the columns empty).
        await db.Set<AnswerChange>().Where(c => answerIds.Contains(EF.Property<Guid>(c, "AnswerId")))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Hash, (string?)null).SetProperty(c => c.PreviousHash, (string?)null).SetProperty(c => c.Sequence, 0));
        await db.Answers.Where(a => answerIds.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ChainHead, (string?)null).SetProperty(a => a.ChainLength, 0));
        Assert.NotEmpty(await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None));

        var updated = await AnswerChainBackfill.RunAsync(db, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(answerIds.Count, updated);
        Assert.Empty(await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None));
        Assert.Equal(0, await AnswerChainBackfill.RunAsync(db, NullLogger.Instance, CancellationToken.None));
    }
}
