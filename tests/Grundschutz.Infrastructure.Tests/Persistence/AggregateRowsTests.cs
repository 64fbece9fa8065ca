using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>
/// Removing a child of the assessment aggregate deletes its rows (the keys to the assessment and to the answer are
/// required), and the migration that made them required deletes rows that an earlier version left without a parent.
/// Rows are counted with SQL over whole tables, so a row with a NULL key would be counted too.
/// </summary>
public sealed class AggregateRowsTests
{
    private const string Before = "20261123091257_MappingCollections";

    private static readonly string[] Tables =
        ["Answers", "AnswerChanges", "EvidenceFiles", "AssessmentTargetObjects", "AssessmentModuleApplications"];

    private static Task<Assessment> LoadAsync(GrundschutzDbContext db, Guid id) => TestAssessments.LoadAggregateAsync(db, id);

    private static async Task<Dictionary<string, int>> CountAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var counts = new Dictionary<string, int>();
        foreach (var table in Tables)
        {
#pragma warning disable EF1002 // table names come from the constant list above
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    }

    private static async Task<int> RowsWithTextAsync(TestDatabase database, string text)
    {
        await using var db = database.NewContext();
        return await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"Answers\" WHERE \"ImplementationDescription\" = {text}").SingleAsync()
            + await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"AnswerChanges\" WHERE \"NewValue\" = {text} OR \"OldValue\" = {text}").SingleAsync();
    }

    /// <summary>Two target objects with TEC.1; TEC.1.1 answered on both (one change each), one evidence file on "Server A".</summary>
    private static async Task<(Guid Assessment, Guid A, Guid B)> AnsweredAsync(TestDatabase database)
    {
        var id = await TestAssessments.CreateAsync(database, ["Server A", "Server B"], ["TEC.1"]);
        var a = await TestAssessments.TargetAsync(database, id, "Server A");
        var b = await TestAssessments.TargetAsync(database, id, "Server B");
        await using var db = database.NewContext();
        var assessment = await LoadAsync(db, id);
        var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
        var requirement = catalog.Find("TEC.1.1")!;
        var now = database.Time.GetUtcNow();
        assessment.RecordAnswer(new AnswerInput("TEC.1.1", a, AnswerStatus.Ja, ImplementationDescription: "Vertraulich: Sicherung A"), 0, TestAssessments.Isb, now, requirement);
        assessment.RecordAnswer(new AnswerInput("TEC.1.1", b, AnswerStatus.Ja, ImplementationDescription: "Sicherung B"), 0, TestAssessments.Isb, now, requirement);
        assessment.AttachEvidence(requirement, a, "konzept-a.pdf", new string('a', 64), 10, "application/pdf", TestAssessments.Isb, now);
        await db.SaveChangesAsync();
        return (id, a, b);
    }

    [Fact]
    public async Task RemovingATargetObject_DeletesItsAnswersHistoryEvidenceAndModuleRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, a, _) = await AnsweredAsync(database);
        var before = await CountAsync(database);
        Assert.Equal(2, before["Answers"]);
        Assert.Equal(1, before["EvidenceFiles"]);
        Assert.Equal(2, before["AssessmentTargetObjects"]);
        Assert.True(await RowsWithTextAsync(database, "Vertraulich: Sicherung A") > 0);

        await using (var db = database.NewContext())
        {
            var assessment = await LoadAsync(db, id);
            var historyOfA = assessment.Answers.Single(x => x.TargetObjectId == a).History.Count;
            Assert.True(historyOfA >= 2); // the answer and the evidence
            assessment.RemoveTargetObject(a, force: true);
            await db.SaveChangesAsync();

            var after = await CountAsync(database);
            Assert.Equal(1, after["Answers"]);
            Assert.Equal(before["AnswerChanges"] - historyOfA, after["AnswerChanges"]);
            Assert.Equal(0, after["EvidenceFiles"]);
            Assert.Equal(1, after["AssessmentTargetObjects"]);
            Assert.Equal(before["AssessmentModuleApplications"] - 1, after["AssessmentModuleApplications"]);
        }

        Assert.Equal(0, await RowsWithTextAsync(database, "Vertraulich: Sicherung A"));
        Assert.True(await RowsWithTextAsync(database, "Sicherung B") > 0);
    }

    [Fact]
    public async Task RemovingEvidenceFromAnAnswer_DeletesTheEvidenceRowAndKeepsTheHistory()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, _, _) = await AnsweredAsync(database);
        var before = await CountAsync(database);
        await using (var db = database.NewContext())
        {
            var assessment = await LoadAsync(db, id);
            var evidence = assessment.Answers.SelectMany(x => x.Evidence).Single();
            assessment.RemoveEvidence(evidence.Id, TestAssessments.Isb, database.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var after = await CountAsync(database);
        Assert.Equal(0, after["EvidenceFiles"]);
        Assert.Equal(before["AnswerChanges"] + 1, after["AnswerChanges"]); // the removal is recorded in the history
        Assert.Equal(before["Answers"], after["Answers"]);
    }

    [Fact]
    public async Task Migration_DeletesRowsLeftWithoutParent_AndKeepsTheRest()
    {
        await using var database = await TestDatabase.CreateAsync(Before);
        // The seeding below goes through today's catalogue import, which also writes a column added after `Before`
        // (CatalogVersions.Language, migration CatalogLanguage): the old schema gets it for the seeding only.
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"CatalogVersions\" ADD COLUMN \"Language\" TEXT NOT NULL DEFAULT 'de'");
        }

        var (id, a, b) = await AnsweredAsync(database);
        var intact = await CountAsync(database);

        // What the optional keys used to do when "Server A" was removed: its rows stay, their keys become NULL.
        await using (var db = database.NewContext())
        {
            const string TargetA = "SELECT \"Id\" FROM \"AssessmentTargetObjects\" WHERE \"Name\" = 'Server A'";
            await db.Database.ExecuteSqlRawAsync("UPDATE \"EvidenceFiles\" SET \"AnswerId\" = NULL");
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"Answers\" SET \"AssessmentId\" = NULL WHERE \"TargetObjectId\" IN ({TargetA})");
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"AssessmentModuleApplications\" SET \"AssessmentId\" = NULL WHERE \"TargetObjectId\" IN ({TargetA})");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AssessmentTargetObjects\" SET \"AssessmentId\" = NULL WHERE \"Name\" = 'Server A'");
        }

        Assert.Equal(intact, await CountAsync(database));
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"CatalogVersions\" DROP COLUMN \"Language\"");
        }

        await database.MigrateAsync();

        var after = await CountAsync(database);
        Assert.Equal(1, after["Answers"]);
        Assert.Equal(0, after["EvidenceFiles"]);
        Assert.Equal(1, after["AssessmentTargetObjects"]);
        Assert.Equal(0, await RowsWithTextAsync(database, "Vertraulich: Sicherung A"));
        await using (var db = database.NewContext())
        {
            var assessment = await LoadAsync(db, id);
            var target = Assert.Single(assessment.TargetObjects);
            Assert.Equal(b, target.Id);
            var answer = Assert.Single(assessment.Answers);
            Assert.Equal(b, answer.TargetObjectId);
            Assert.Equal("Sicherung B", answer.ImplementationDescription);
            Assert.Equal(answer.History.Count, after["AnswerChanges"]);
            Assert.DoesNotContain(assessment.ModuleApplications, m => m.TargetObjectId == a);
            Assert.NotEmpty(assessment.ModuleApplications);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }
}
