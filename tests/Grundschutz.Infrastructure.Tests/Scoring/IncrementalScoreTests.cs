using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Scoring;

/// <summary>
/// A cached score brought up to date with only the answers saved since (answer revisions) must equal scoring the
/// assessment from scratch: a hand-checked small case and many random changes on the demo catalogue.
/// </summary>
public sealed class IncrementalScoreTests
{
    private static readonly Actor Isb = TestAssessments.Isb;

    [Fact]
    public async Task ScoreAsync_AfterAnswersChange_UpdatesCachedScoreAsCountedByHand()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (assessmentId, _) = await TestAssessments.CreateOnCatalogAsync(database, ["Server Rathaus"], ["TEC.1"]);
        var cache = new ScoreCache();
        var server = await TestAssessments.TargetAsync(database, assessmentId, "Server Rathaus");

        await SaveAsync(database, assessmentId, Ja("TEC.1.1", server), Nein("TEC.1.2", server));
        var first = await ScoreAsync(database, cache, assessmentId);
        // TEC.1 has three controls on one target object: ja, nein, open.
        Assert.Equal((1m, 3), (first.Report.Overall.All.Strict.Numerator, first.Report.Overall.All.Strict.Denominator));
        Assert.Equal(new Ratio(2, 3), first.Report.Overall.Coverage);

        await SaveAsync(database, assessmentId, Ja("TEC.1.3", server));
        var second = await ScoreAsync(database, cache, assessmentId);
        // TEC.1.3 requires TEC.1.2 (nein): answered ja, but blocked by the dependency, so still 1 of 3.
        Assert.Equal(new Ratio(1, 3), second.Report.Overall.All.Strict);
        Assert.Equal(1, second.Report.Overall.All.JaBlockedByDependency);
        Assert.Equal(new Ratio(3, 3), second.Report.Overall.Coverage);
        // Updated in place: the untouched pairs are the very objects of the cached score (no reload from scratch).
        Assert.Same(first.Report.Input.Pairs[0], second.Report.Input.Pairs[0]);
        Assert.Equal(AnswerStatus.Ja, second.Report.Input.Pairs[2].Status);

        // TEC.1.2 becomes ja: it counts, and it unblocks TEC.1.3 although TEC.1.3's answer did not change.
        await SaveAsync(database, assessmentId, Ja("TEC.1.2", server));
        var third = await ScoreAsync(database, cache, assessmentId);
        Assert.Equal(new Ratio(3, 3), third.Report.Overall.All.Strict);
        Assert.Equal(0, third.Report.Overall.All.JaBlockedByDependency);
        Assert.Empty(third.Report.ActionPlan.Items);
        Assert.Same(first.Report.Input.Pairs[0], third.Report.Input.Pairs[0]);
        Assert.Equal(Fingerprint(await ScoreAsync(database, new ScoreCache(), assessmentId)), Fingerprint(third));
    }

    [Fact]
    public async Task ScoreAsync_RandomAnswerChangesGrundschutzPlusPlus_EqualsFullRecompute()
    {
        await using var database = await TestDatabase.CreateAsync();
        var created = await TestAssessments.CreateOnCatalogAsync(database, ["Server Rathaus", "Clients Bürgeramt", "Netz"], ["ORG.1", "ORG.2", "TEC.1", "TEC.2", "NOT.1"]);
        // Grundschutz++ knows only umgesetzt / nicht umgesetzt (and open); dependencies make changes reach other pairs.
        await AssertRandomChangesEqualFullRecomputeAsync(database, created, [AnswerStatus.Ja, AnswerStatus.Nein, AnswerStatus.Open]);
    }

    [SkippableFact]
    public async Task ScoreAsync_RandomAnswerChangesKompendium_EqualsFullRecompute()
    {
        await using var database = await TestDatabase.CreateAsync();
        var created = await TestAssessments.CreateOnCatalogAsync(
            database, ["Server Rathaus", "Clients Bürgeramt"], ["ISMS.1", "ORP.4", "CON.3", "SYS.2.1", "NET.1.1"], SharedFiles.Kompendium2023, CatalogFramework.ItGrundschutz, Approach.Standard);
        await AssertRandomChangesEqualFullRecomputeAsync(
            database, created, [AnswerStatus.Ja, AnswerStatus.Teilweise, AnswerStatus.Nein, AnswerStatus.Entbehrlich, AnswerStatus.Open]);
    }

    private static async Task AssertRandomChangesEqualFullRecomputeAsync(TestDatabase database, (Guid AssessmentId, int VersionId) created, AnswerStatus[] statuses)
    {
        var (assessmentId, versionId) = created;
        var cache = new ScoreCache();
        List<Question> questions;
        await using (var db = database.NewContext())
        {
            var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
            var assessment = await db.Assessments.Include(a => a.TargetObjects).Include(a => a.ModuleApplications).SingleAsync(a => a.Id == assessmentId);
            questions = [.. assessment.ApplicableQuestions(catalog).Select(q => new Question(q.RequirementId, q.TargetObjectId))];
        }

        Assert.True(questions.Count >= 20, $"only {questions.Count} questions");
        var random = new Random(20261123);
        // Start half answered, scored once from scratch (cached).
        await SaveAsync(database, assessmentId, [.. questions.Where(_ => random.Next(2) == 0).Select(q => RandomAnswer(q, statuses, random))]);
        var previous = await ScoreAsync(database, cache, assessmentId);
        const int Rounds = 30;
        var updatedInPlace = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var changes = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => questions[random.Next(questions.Count)])
                .Distinct()
                .Select(q => RandomAnswer(q, statuses, random))
                .ToArray();
            await SaveAsync(database, assessmentId, changes);

            var updated = await ScoreAsync(database, cache, assessmentId);
            var full = await ScoreAsync(database, new ScoreCache(), assessmentId);
            Assert.Equal(Fingerprint(full), Fingerprint(updated));
            var untouched = Enumerable.Range(0, questions.Count)
                .First(i => !changes.Any(c => c.RequirementId == updated.Report.Input.Pairs[i].RequirementId && c.TargetObjectId == updated.Report.Input.Pairs[i].TargetObjectId));
            if (ReferenceEquals(previous.Report.Input.Pairs[untouched], updated.Report.Input.Pairs[untouched]))
            {
                updatedInPlace++;
            }

            previous = updated;
        }

        // Every round took the incremental path (a save that changed nothing would not raise the revision, but the
        // fingerprints above would still have to match).
        Assert.Equal(Rounds, updatedInPlace);
    }

    [Fact]
    public async Task SaveChanges_WithAnswers_RaisesRevisionOncePerSaveAndStampsTheSavedAnswers()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (assessmentId, _) = await TestAssessments.CreateOnCatalogAsync(database, ["Server Rathaus"], ["TEC.1"]);
        var server = await TestAssessments.TargetAsync(database, assessmentId, "Server Rathaus");

        await SaveAsync(database, assessmentId, Ja("TEC.1.1", server), Ja("TEC.1.2", server));
        await SaveAsync(database, assessmentId, Nein("TEC.1.2", server));

        await using var db = database.NewContext();
        var revision = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => EF.Property<long>(a, GrundschutzDbContext.AnswersRevision)).SingleAsync();
        var answers = await db.Answers.Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId)
            .Select(a => new { a.RequirementId, Revision = EF.Property<long>(a, GrundschutzDbContext.AnswerRevision) })
            .OrderBy(a => a.RequirementId)
            .ToListAsync();
        // Created without answers (revision 0), then two saves: 1 and 2.
        Assert.Equal(2, revision);
        Assert.Equal([("TEC.1.1", 1L), ("TEC.1.2", 2L)], answers.Select(a => (a.RequirementId, a.Revision)));
    }

    private static AnswerInput Ja(string requirementId, Guid target) =>
        new(requirementId, target, AnswerStatus.Ja, ImplementationDescription: "Umgesetzt", AssessedOn: new DateOnly(2026, 11, 1));

    private static AnswerInput Nein(string requirementId, Guid target) =>
        new(requirementId, target, AnswerStatus.Nein, Justification: "Fehlt noch", Owner: "IT", DueDate: new DateOnly(2027, 3, 31), CostEstimate: 1200m, AssessedOn: new DateOnly(2026, 11, 1));

    private static AnswerInput RandomAnswer(Question question, AnswerStatus[] statuses, Random random) => statuses[random.Next(statuses.Length)] switch
    {
        AnswerStatus.Ja => Ja(question.RequirementId, question.TargetObjectId) with { AssessedOn = new DateOnly(2025, 1 + random.Next(12), 1) },
        AnswerStatus.Nein => Nein(question.RequirementId, question.TargetObjectId) with { DueDate = new DateOnly(2026, 10, 1 + random.Next(28)), CostEstimate = random.Next(3) == 0 ? null : random.Next(5000) },
        AnswerStatus.Teilweise => new(question.RequirementId, question.TargetObjectId, AnswerStatus.Teilweise, Justification: "Teilweise", Owner: random.Next(3) == 0 ? null : "Hauptamt", DueDate: new DateOnly(2026, 10, 1 + random.Next(28)), AssessedOn: new DateOnly(2025, 1 + random.Next(12), 1)),
        AnswerStatus.Entbehrlich => new(question.RequirementId, question.TargetObjectId, AnswerStatus.Entbehrlich, EntbehrlichReason: EntbehrlichReason.NotRelevant, Justification: random.Next(3) == 0 ? null : "Nicht relevant", AssessedOn: new DateOnly(2026, 11, 1)),
        _ => new(question.RequirementId, question.TargetObjectId, AnswerStatus.Open),
    };

    /// <summary>Saves answers as the questionnaire does: a fresh context, the aggregate, RecordAnswer, SaveChanges.</summary>
    private static async Task SaveAsync(TestDatabase database, Guid assessmentId, params AnswerInput[] inputs)
    {
        await using var db = database.NewContext();
        var assessment = await db.Assessments
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Answers)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == assessmentId);
        var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
        foreach (var input in inputs)
        {
            var version = assessment.FindAnswer(input.RequirementId, input.TargetObjectId)?.Version ?? 0;
            assessment.RecordAnswer(input, version, Isb, database.Time.GetUtcNow(), catalog.Find(input.RequirementId)!, new DateOnly(2026, 11, 23));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<AssessmentScore> ScoreAsync(TestDatabase database, ScoreCache cache, Guid assessmentId)
    {
        await using var db = database.NewContext();
        var service = new AssessmentScoreService(db, new CatalogContextCache(), new CatalogFactsCache(), cache, database.Time);
        return await service.ScoreAsync(db.Assessments, assessmentId, CancellationToken.None) ?? throw new InvalidOperationException("not found");
    }

    /// <summary>Every number and list of a report, as JSON (pairs, verdicts, scopes, gates, Reifegrad, action plan).</summary>
    private static string Fingerprint(AssessmentScore score)
    {
        var r = score.Report;
        return JsonSerializer.Serialize(new { r.Input.Pairs, r.Verdicts, r.Overall, r.TopGroups, r.Groups, r.BasisGate, r.StandardGate, r.Maturity, r.ActionPlan });
    }

    private sealed record Question(string RequirementId, Guid TargetObjectId);
}
