using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests;

/// <summary>Assessments on the demo catalogue for infrastructure tests, built through the domain.</summary>
internal static class TestAssessments
{
    public static readonly Actor Isb = new("isb-1", new HashSet<string> { AssessmentRoles.Isb });

    /// <summary>A new municipality (<paramref name="ags"/>) with one assessment in progress on the demo catalogue (imported on first use).</summary>
    public static async Task<Guid> CreateAsync(TestDatabase database, string[] targets, string[] modules, string ags = "05315000") =>
        (await CreateOnCatalogAsync(database, targets, modules, ags: ags)).AssessmentId;

    /// <summary>
    /// A new municipality (<paramref name="ags"/>) with one assessment in progress on <paramref name="catalogFile"/>
    /// (default the demo catalogue; a file imported before is reused), with the catalogue version's id.
    /// </summary>
    public static async Task<(Guid AssessmentId, int VersionId)> CreateOnCatalogAsync(
        TestDatabase database, string[] targets, string[] modules, string? catalogFile = null,
        CatalogFramework framework = CatalogFramework.GrundschutzPlusPlus, Approach approach = Approach.GsppNormal, string ags = "05315000")
    {
        await using var db = database.NewContext();
        var municipality = new Municipality { Ags = ags, LandCode = ags[..2], LandName = "Nordrhein-Westfalen", Type = MunicipalityType.KreisfreieStadt };
        municipality.SetName($"Kommune {ags}");
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var imported = await database.NewImporter(db).ImportAsync(
            [CatalogImportFile.FromPath(catalogFile ?? SharedFiles.InRepository("catalog/demo-katalog.json"))], null, CancellationToken.None);
        var versionId = imported[0].CatalogVersionId;
        var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
        var now = database.Time.GetUtcNow();
        var assessment = Assessment.Create(municipality.Id, versionId, framework, approach, "Erstbewertung 2026", Isb.UserId, now);
        foreach (var name in targets)
        {
            var target = assessment.AddTargetObject(name, "IT-System");
            foreach (var module in modules)
            {
                assessment.ApplyModule(module, target.Id);
            }
        }

        assessment.Fire(AssessmentTrigger.StartAnswering, Isb, null, now, catalog);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return (assessment.Id, versionId);
    }

    /// <summary>The id of the target object named <paramref name="name"/>.</summary>
    public static async Task<Guid> TargetAsync(TestDatabase database, Guid assessmentId, string name)
    {
        await using var db = database.NewContext();
        return await db.Set<TargetObject>().Where(t => EF.Property<Guid>(t, "AssessmentId") == assessmentId && t.Name == name).Select(t => t.Id).SingleAsync();
    }

    /// <summary>The assessment with what the questionnaire loads (target objects, module applications, contributor assignments) and its catalogue.</summary>
    public static async Task<(Assessment Assessment, CatalogContext Catalog)> LoadScopeAsync(GrundschutzDbContext db, Guid assessmentId)
    {
        var assessment = await db.Assessments
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ContributorAssignments)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == assessmentId);
        return (assessment, await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None));
    }

    /// <summary>The whole aggregate, tracked: scope, contributors, transitions, answers with history and evidence.</summary>
    public static Task<Assessment> LoadAggregateAsync(GrundschutzDbContext db, Guid id) =>
        db.Assessments
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Transitions)
            .Include(a => a.Answers).ThenInclude(a => a.History)
            .Include(a => a.Answers).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id);
}
