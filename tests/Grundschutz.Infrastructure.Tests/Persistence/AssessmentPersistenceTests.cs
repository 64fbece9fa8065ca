using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Persistence;

public sealed class AssessmentPersistenceTests
{
    private static readonly Actor Isb = new("isb-1", new HashSet<string> { AssessmentRoles.Isb });

    private static async Task<(int MunicipalityId, int VersionId)> SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var municipality = new Municipality { Ags = "05315000", LandCode = "05", LandName = "Nordrhein-Westfalen", Type = MunicipalityType.KreisfreieStadt };
        municipality.SetName("Köln");
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var result = await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(SharedFiles.InRepository("catalog/demo-katalog.json"))], null, CancellationToken.None);
        return (municipality.Id, result[0].CatalogVersionId);
    }

    private static Task<Assessment> LoadAsync(GrundschutzDbContext db, Guid id) => TestAssessments.LoadAggregateAsync(db, id);

    [Fact]
    public async Task Assessment_RoundTrip_KeepsScopeAnswersHistoryAndTransitions()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (municipalityId, versionId) = await SeedAsync(database);
        Guid assessmentId;
        Guid serverId;
        await using (var db = database.NewContext())
        {
            var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
            var now = database.Time.GetUtcNow();
            var assessment = Assessment.Create(municipalityId, versionId, CatalogFramework.GrundschutzPlusPlus, Approach.GsppNormal, "Erstbewertung 2026", Isb.UserId, now);
            serverId = assessment.AddTargetObject("Server Rathaus", "IT-System").Id;
            assessment.ApplyModule("TEC.1", serverId);
            assessment.ExcludeModule("TEC.2", "Administration liegt beim Kreis-Rechenzentrum.");
            assessment.Fire(AssessmentTrigger.StartAnswering, Isb, "Los geht's", now, catalog);
            assessment.RecordAnswer(new AnswerInput("TEC.1.1", serverId, AnswerStatus.Ja, ImplementationDescription: "Tägliche Sicherung auf NAS"), 0, Isb, now, catalog.Find("TEC.1.1")!);
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            assessmentId = assessment.Id;
        }

        // Later sitting: a second change in a new context (new children must be inserted, not updated).
        await using (var db = database.NewContext())
        {
            var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
            var assessment = await LoadAsync(db, assessmentId);
            database.Time.Advance(TimeSpan.FromHours(1));
            assessment.RecordAnswer(new AnswerInput("TEC.1.1", serverId, AnswerStatus.Nein, Justification: "NAS defekt", Owner: "IT", DueDate: new DateOnly(2027, 1, 31)), 1, Isb, database.Time.GetUtcNow(), catalog.Find("TEC.1.1")!);
            assessment.AddTargetObject("Clients Bürgeramt", "IT-System");
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var assessment = await LoadAsync(db, assessmentId);
            Assert.Equal(AssessmentState.InProgress, assessment.State);
            Assert.Equal(["Clients Bürgeramt", "Server Rathaus"], assessment.TargetObjects.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.Equal("TEC.1", Assert.Single(assessment.ModuleApplications).GroupId);
            Assert.Equal("TEC.2", Assert.Single(assessment.ModuleExclusions).GroupId);
            var transition = Assert.Single(assessment.Transitions);
            Assert.Equal((AssessmentState.Draft, AssessmentState.InProgress, "isb-1", "Los geht's"), (transition.From, transition.To, transition.ActorUserId, transition.Comment));
            var answer = Assert.Single(assessment.Answers);
            Assert.Equal(AnswerStatus.Nein, answer.Status);
            Assert.Equal(2, answer.Version);
            Assert.Equal(new DateOnly(2027, 1, 31), answer.DueDate);
            Assert.Contains(answer.History, h => h.Field == nameof(AnswerInput.Status) && h.OldValue == "Ja" && h.NewValue == "Nein");
        }
    }

    [Fact]
    public async Task Answer_ConcurrentSaveOfSameVersion_SecondWriterGetsConcurrencyException()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (municipalityId, versionId) = await SeedAsync(database);
        Guid assessmentId;
        Guid serverId;
        await using (var db = database.NewContext())
        {
            var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
            var assessment = Assessment.Create(municipalityId, versionId, CatalogFramework.GrundschutzPlusPlus, Approach.GsppNormal, "Bewertung", Isb.UserId, database.Time.GetUtcNow());
            serverId = assessment.AddTargetObject("Server", null).Id;
            assessment.ApplyModule("TEC.1", serverId);
            assessment.RecordAnswer(new AnswerInput("TEC.1.1", serverId, AnswerStatus.Ja), 0, Isb, database.Time.GetUtcNow(), catalog.Find("TEC.1.1")!);
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            assessmentId = assessment.Id;
        }

        // Both load version 1; the first save wins, the second must not overwrite silently.
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var catalogContext = await CatalogContextCache.LoadAsync(first, versionId, CancellationToken.None);
        var a1 = await LoadAsync(first, assessmentId);
        var a2 = await LoadAsync(second, assessmentId);
        a1.RecordAnswer(new AnswerInput("TEC.1.1", serverId, AnswerStatus.Ja, ImplementationDescription: "Version A"), 1, Isb, database.Time.GetUtcNow(), catalogContext.Find("TEC.1.1")!);
        a2.RecordAnswer(new AnswerInput("TEC.1.1", serverId, AnswerStatus.Ja, ImplementationDescription: "Version B"), 1, Isb, database.Time.GetUtcNow(), catalogContext.Find("TEC.1.1")!);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.NewContext();
        Assert.Equal("Version A", (await check.Answers.AsNoTracking().SingleAsync()).ImplementationDescription);
    }

    [Fact]
    public async Task CatalogContext_FromStoredVersion_CarriesDependencies()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, versionId) = await SeedAsync(database);
        await using var db = database.NewContext();

        var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);

        Assert.Equal(["TEC.1.1"], catalog.Find("TEC.1.2")!.RequiredDependencies);
        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, catalog.Find("TEC.1.2")!.Framework);
        Assert.Equal("MUSS", catalog.Find("TEC.1.2")!.ModalVerb);
    }

    [Fact]
    public async Task Assessment_TwoSimultaneousWorkflowActions_SecondGetsConcurrencyException()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (municipalityId, versionId) = await SeedAsync(database);
        Guid assessmentId;
        await using (var db = database.NewContext())
        {
            var assessment = Assessment.Create(municipalityId, versionId, CatalogFramework.GrundschutzPlusPlus, Approach.GsppNormal, "Bewertung", Isb.UserId, database.Time.GetUtcNow());
            assessment.ApplyModule("TEC.1", assessment.AddTargetObject("Server", null).Id);
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            assessmentId = assessment.Id;
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var catalog = await CatalogContextCache.LoadAsync(first, versionId, CancellationToken.None);
        var a1 = await LoadAsync(first, assessmentId);
        var a2 = await LoadAsync(second, assessmentId);
        a1.Fire(AssessmentTrigger.StartAnswering, Isb, "erste", database.Time.GetUtcNow(), catalog);
        a2.Fire(AssessmentTrigger.StartAnswering, Isb, "zweite", database.Time.GetUtcNow(), catalog);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.NewContext();
        var saved = await LoadAsync(check, assessmentId);
        Assert.Equal("erste", Assert.Single(saved.Transitions).Comment);
    }

    [Fact]
    public async Task Answers_OnDifferentQuestionsAtTheSameTime_DoNotConflict()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (municipalityId, versionId) = await SeedAsync(database);
        Guid assessmentId;
        Guid serverId;
        await using (var db = database.NewContext())
        {
            var assessment = Assessment.Create(municipalityId, versionId, CatalogFramework.GrundschutzPlusPlus, Approach.GsppNormal, "Bewertung", Isb.UserId, database.Time.GetUtcNow());
            serverId = assessment.AddTargetObject("Server", null).Id;
            assessment.ApplyModule("TEC.1", serverId);
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            assessmentId = assessment.Id;
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var catalog = await CatalogContextCache.LoadAsync(first, versionId, CancellationToken.None);
        var a1 = await LoadAsync(first, assessmentId);
        var a2 = await LoadAsync(second, assessmentId);
        a1.RecordAnswer(new AnswerInput("TEC.1.1", serverId, AnswerStatus.Ja), 0, Isb, database.Time.GetUtcNow(), catalog.Find("TEC.1.1")!);
        a2.RecordAnswer(new AnswerInput("TEC.1.2", serverId, AnswerStatus.Ja), 0, Isb, database.Time.GetUtcNow(), catalog.Find("TEC.1.2")!);
        await first.SaveChangesAsync();
        await second.SaveChangesAsync();

        await using var check = database.NewContext();
        Assert.Equal(2, await check.Answers.CountAsync());
    }
}
