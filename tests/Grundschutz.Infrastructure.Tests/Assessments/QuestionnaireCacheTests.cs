using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Assessments;

/// <summary>
/// The cached questionnaire must always equal the one built from scratch from the database: after saves by this
/// request, by other requests and by other application instances (another cache), and after scope changes.
/// </summary>
public sealed class QuestionnaireCacheTests
{
    private static readonly Actor Isb = TestAssessments.Isb;
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task GetAsync_AfterSavesElsewhere_AppliesOnlyTheChangedAnswers_EqualsTheQuestionnaireBuiltFromScratch()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assessmentId = await TestAssessments.CreateAsync(database, ["Server Rathaus", "Clients Bürgeramt", "Netz"], ["ORG.1", "ORG.2", "TEC.1", "TEC.2", "NOT.1"]);
        var cache = new QuestionnaireCache();
        var previous = (await GetAsync(database, cache, assessmentId)).Navigator;
        var questions = previous.Questions.Select(q => (q.RequirementId, q.TargetObjectId)).ToList();
        Assert.True(questions.Count >= 30, $"only {questions.Count} questions");
        Assert.Equal(0, previous.Overall.Answered);

        var random = new Random(20261123);
        AnswerStatus[] statuses = [AnswerStatus.Ja, AnswerStatus.Nein, AnswerStatus.Open];
        const int Rounds = 25;
        var updatedInPlace = 0;
        for (var round = 0; round < Rounds; round++)
        {
            // Another request (or instance) saves one to five answers; this cache does not see the save.
            var changes = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => questions[random.Next(questions.Count)])
                .Distinct()
                .Select(q => Answer(q.RequirementId, q.TargetObjectId, statuses[random.Next(statuses.Length)]))
                .ToArray();
            await SaveElsewhereAsync(database, assessmentId, changes);

            var cached = (await GetAsync(database, cache, assessmentId)).Navigator;
            var scratch = (await GetAsync(database, new QuestionnaireCache(), assessmentId)).Navigator;
            Assert.Equal(Fingerprint(scratch), Fingerprint(cached));
            var untouched = cached.Questions.First(q => !changes.Any(c => c.RequirementId == q.RequirementId && c.TargetObjectId == q.TargetObjectId));
            if (ReferenceEquals(previous.Questions[untouched.Position], untouched))
            {
                updatedInPlace++;
            }

            previous = cached;
        }

        // Every round took the incremental path (only the answers saved since were applied).
        Assert.Equal(Rounds, updatedInPlace);
        Assert.True(previous.Overall.Answered > 0);
    }

    [Fact]
    public async Task GetAsync_WithoutTheScopeLoaded_LoadsItToBuild_EqualsTheQuestionnaireOfTheFullScope()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assessmentId = await TestAssessments.CreateAsync(database, ["Server Rathaus", "Netz"], ["ORG.1", "TEC.1", "TEC.2"]);
        var server = await TestAssessments.TargetAsync(database, assessmentId, "Server Rathaus");
        await SaveElsewhereAsync(database, assessmentId, Answer("TEC.1.1", server, AnswerStatus.Ja));
        var full = (await GetAsync(database, new QuestionnaireCache(), assessmentId)).Navigator;
        Assert.True(full.Questions.Count >= 10, $"only {full.Questions.Count} questions");

        // The root alone, and the root with the one module application a save checks (what the question page loads).
        for (var partial = 0; partial < 2; partial++)
        {
            await using var db = database.NewContext();
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
            if (partial == 1)
            {
                await db.Entry(assessment).Collection(a => a.ModuleApplications).Query()
                    .Where(m => m.GroupId == "TEC.1" && m.TargetObjectId == server).LoadAsync();
                Assert.Single(assessment.ModuleApplications);
            }

            var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
            var built = (await new QuestionnaireCache().GetAsync(db, assessment, catalog, CancellationToken.None)).Navigator;
            Assert.Equal(Fingerprint(full), Fingerprint(built));
        }
    }

    [Fact]
    public async Task Saved_AsTheNextChange_IsKeptForTheNextRequest_AfterSomeoneElsesSave_IsNot()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assessmentId = await TestAssessments.CreateAsync(database, ["Server Rathaus"], ["TEC.1"]);
        var server = await TestAssessments.TargetAsync(database, assessmentId, "Server Rathaus");
        var cache = new QuestionnaireCache();

        // The save path of the question page: load, record, save, then Saved.
        QuestionnaireNavigator afterSave;
        await using (var db = database.NewContext())
        {
            var (assessment, catalog) = await TestAssessments.LoadScopeAsync(db, assessmentId);
            var loaded = await cache.GetAsync(db, assessment, catalog, CancellationToken.None);
            Assert.Equal(0, loaded.Navigator.Overall.Answered);
            var result = assessment.RecordAnswer(Answer("TEC.1.1", server, AnswerStatus.Ja), 0, Isb, database.Time.GetUtcNow(), catalog.Find("TEC.1.1")!, Today);
            await db.SaveChangesAsync();
            afterSave = cache.Saved(db, assessment, loaded, result.Answer);
        }

        Assert.Equal((1, 3), (afterSave.Overall.Answered, afterSave.Overall.Total));
        Assert.Equal((AnswerStatus.Ja, 1), (afterSave.Find("TEC.1.1", server)!.Status, afterSave.Find("TEC.1.1", server)!.Version));
        // The next request gets the very same navigator: nothing is read or rebuilt.
        Assert.Same(afterSave, (await GetAsync(database, cache, assessmentId)).Navigator);

        // Someone else saves between this request's load and its save: the result is only returned, not kept, and the
        // next request brings the questionnaire up to date with both saves.
        await using (var db = database.NewContext())
        {
            var (assessment, catalog) = await TestAssessments.LoadScopeAsync(db, assessmentId);
            var loaded = await cache.GetAsync(db, assessment, catalog, CancellationToken.None);
            await SaveElsewhereAsync(database, assessmentId, Answer("TEC.1.2", server, AnswerStatus.Nein));
            var result = assessment.RecordAnswer(Answer("TEC.1.3", server, AnswerStatus.Ja), 0, Isb, database.Time.GetUtcNow(), catalog.Find("TEC.1.3")!, Today);
            await db.SaveChangesAsync();
            var returned = cache.Saved(db, assessment, loaded, result.Answer);
            Assert.Equal(AnswerStatus.Open, returned.Find("TEC.1.2", server)!.Status);
            Assert.Equal(AnswerStatus.Ja, returned.Find("TEC.1.3", server)!.Status);
        }

        var next = (await GetAsync(database, cache, assessmentId)).Navigator;
        Assert.Equal(
            [AnswerStatus.Ja, AnswerStatus.Nein, AnswerStatus.Ja],
            new[] { "TEC.1.1", "TEC.1.2", "TEC.1.3" }.Select(r => next.Find(r, server)!.Status));
        Assert.Equal(3, next.Overall.Answered);
        Assert.Equal(Fingerprint((await GetAsync(database, new QuestionnaireCache(), assessmentId)).Navigator), Fingerprint(next));
    }

    [Fact]
    public async Task GetAsync_AfterScopeChanges_RebuildsTheQuestionnaire()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assessmentId = await TestAssessments.CreateAsync(database, ["Server Rathaus", "Netz"], ["TEC.1"]);
        var server = await TestAssessments.TargetAsync(database, assessmentId, "Server Rathaus");
        var network = await TestAssessments.TargetAsync(database, assessmentId, "Netz");
        var cache = new QuestionnaireCache();
        await SaveElsewhereAsync(database, assessmentId, Answer("TEC.1.1", server, AnswerStatus.Ja), Answer("TEC.1.1", network, AnswerStatus.Nein));
        var before = (await GetAsync(database, cache, assessmentId)).Navigator;
        Assert.Equal((2, 6), (before.Overall.Answered, before.Overall.Total));

        // A target object renamed, another removed with its answers, a module applied: all change the stamp.
        await using (var db = database.NewContext())
        {
            var assessment = await db.Assessments
                .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
                .Include(a => a.ContributorAssignments).Include(a => a.Answers)
                .AsSplitQuery()
                .SingleAsync(a => a.Id == assessmentId);
            assessment.RenameTargetObject(server, "Server Rathaus (neu)");
            assessment.RemoveTargetObject(network, force: true);
            assessment.ApplyModule("ORG.1", server);
            await db.SaveChangesAsync();
        }

        var after = (await GetAsync(database, cache, assessmentId)).Navigator;
        Assert.Equal(Fingerprint((await GetAsync(database, new QuestionnaireCache(), assessmentId)).Navigator), Fingerprint(after));
        Assert.Null(after.Find("TEC.1.1", network));
        Assert.Equal("Server Rathaus (neu)", after.Find("TEC.1.1", server)!.TargetObjectName);
        Assert.Equal(1, after.Overall.Answered);
        Assert.Equal(["ORG.1", "TEC.1"], after.Modules.Select(m => m.GroupId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Set_BeyondTheLimit_EvictsTheLeastRecentlyUsedAssessment()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await TestAssessments.CreateAsync(database, ["Server Rathaus"], ["TEC.1"]);
        var second = await TestAssessments.CreateAsync(database, ["Server Rathaus"], ["TEC.1"], ags: "05111000");
        var third = await TestAssessments.CreateAsync(database, ["Server Rathaus"], ["TEC.1"], ags: "05112000");
        // TEC.1 has three questions per target object: room for two assessments.
        var cache = new QuestionnaireCache(maxQuestions: 6);

        var firstNavigator = (await GetAsync(database, cache, first)).Navigator;
        var secondNavigator = (await GetAsync(database, cache, second)).Navigator;
        Assert.Same(firstNavigator, (await GetAsync(database, cache, first)).Navigator); // first used last
        await GetAsync(database, cache, third);

        Assert.Equal(6, cache.QuestionsHeld);
        Assert.Same(firstNavigator, (await GetAsync(database, cache, first)).Navigator);
        Assert.NotSame(secondNavigator, (await GetAsync(database, cache, second)).Navigator); // evicted, built again
    }

    [Fact]
    public async Task GetAsync_AssessmentNotTrackedByTheContext_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assessmentId = await TestAssessments.CreateAsync(database, ["Server Rathaus"], ["TEC.1"]);
        await using var db = database.NewContext();
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.TargetObjects).Include(a => a.ModuleApplications).SingleAsync(a => a.Id == assessmentId);
        var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new QuestionnaireCache().GetAsync(db, assessment, catalog, CancellationToken.None));
    }

    private static string Fingerprint(QuestionnaireNavigator navigator) => string.Join(
        "\n",
        navigator.Questions.Select(q => $"{q.Position} {q.GroupId} {q.RequirementId} {q.TargetObjectId} {q.TargetObjectName} {q.Status} {q.Version} {q.UpdatedAt:O}")
            .Concat(navigator.Modules.Select(m => $"{m.GroupId} {m.Answered}/{m.Total}"))
            .Append($"{navigator.Overall.Answered}/{navigator.Overall.Total}"));

    private static AnswerInput Answer(string requirementId, Guid target, AnswerStatus status) => status switch
    {
        AnswerStatus.Ja => new(requirementId, target, status, ImplementationDescription: "Umgesetzt", AssessedOn: new DateOnly(2026, 11, 1)),
        AnswerStatus.Nein => new(requirementId, target, status, Justification: "Fehlt noch", Owner: "IT", DueDate: new DateOnly(2027, 3, 31), AssessedOn: new DateOnly(2026, 11, 1)),
        _ => new(requirementId, target, status),
    };

    /// <summary>Loads what the question page loads, with a fresh context per request.</summary>
    private static async Task<LoadedQuestionnaire> GetAsync(TestDatabase database, QuestionnaireCache cache, Guid assessmentId)
    {
        await using var db = database.NewContext();
        var (assessment, catalog) = await TestAssessments.LoadScopeAsync(db, assessmentId);
        return await cache.GetAsync(db, assessment, catalog, CancellationToken.None);
    }

    /// <summary>Saves answers in a context of its own (another request or another application instance).</summary>
    private static async Task SaveElsewhereAsync(TestDatabase database, Guid assessmentId, params AnswerInput[] inputs)
    {
        await using var db = database.NewContext();
        var (assessment, catalog) = await TestAssessments.LoadScopeAsync(db, assessmentId);
        foreach (var input in inputs)
        {
            var existing = await db.Answers
                .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId && a.RequirementId == input.RequirementId && a.TargetObjectId == input.TargetObjectId)
                .FirstOrDefaultAsync();
            assessment.RecordAnswer(input, existing?.Version ?? 0, Isb, database.Time.GetUtcNow(), catalog.Find(input.RequirementId)!, Today);
        }

        await db.SaveChangesAsync();
        database.Time.Advance(TimeSpan.FromMinutes(1));
    }
}
