using System.Globalization;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Export;

/// <summary>
/// Loads and scores one assessment for the A.4/A.6 exports: the aggregate (target objects, module applications,
/// answers — no history or evidence), the cached catalogue context and facts (the same ones the report uses, so the
/// action plan ranks identically), the municipality and the catalogue names. A.4 lists the target objects
/// alphabetically. Tenant isolation stays with the
/// caller: the assessment is looked up only in the <see cref="IQueryable{Assessment}"/> passed in
/// (e.g. <c>AssessmentAccess.Visible</c>).
/// </summary>
public static class AssessmentExportLoader
{
    /// <summary>The export of assessment <paramref name="id"/> as of <paramref name="now"/>, or null when <paramref name="visible"/> does not contain it.</summary>
    public static async Task<AssessmentExport?> LoadAsync(
        GrundschutzDbContext db,
        CatalogContextCache contexts,
        CatalogFactsCache facts,
        IQueryable<Assessment> visible,
        Guid id,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(visible);
        var assessment = await visible.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.Answers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assessment is null ? null : await FromAssessmentAsync(db, contexts, facts, assessment, now, cancellationToken);
    }

    /// <summary>
    /// The export of an assessment the caller has loaded (no tracking needed) with at least its target objects, module
    /// applications and answers – for callers that need the aggregate themselves, so the answers are not loaded twice.
    /// </summary>
    public static async Task<AssessmentExport> FromAssessmentAsync(
        GrundschutzDbContext db,
        CatalogContextCache contexts,
        CatalogFactsCache facts,
        Assessment assessment,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(assessment);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == assessment.MunicipalityId)
            .Select(m => new { m.Name, m.Ags })
            .FirstOrDefaultAsync(cancellationToken);
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == assessment.CatalogVersionId)
            .Select(v => new { v.Title, v.Version })
            .FirstOrDefaultAsync(cancellationToken);
        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, context, catalogFacts.Facts, today));

        var interviewees = new Dictionary<(string, Guid), string>();
        DateTimeOffset? lastChanged = null;
        foreach (var answer in assessment.Answers)
        {
            if (!string.IsNullOrWhiteSpace(answer.Interviewees))
            {
                interviewees[(answer.RequirementId, answer.TargetObjectId)] = answer.Interviewees;
            }

            if (answer.UpdatedAt is { } updated && (lastChanged is null || updated > lastChanged))
            {
                lastChanged = updated;
            }
        }

        // Alphabetical: the stored order of target objects is not stable (several created in one request share a
        // timestamp), and the document must list them the same way on every export.
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.IgnoreCase);
        var targetOrder = assessment.TargetObjects
            .OrderBy(t => t.Name, byName)
            .ThenBy(t => t.Id)
            .Select((t, index) => (t.Id, index))
            .ToDictionary(t => t.Id, t => t.index);

        var header = new ExportHeader(
            municipality?.Name ?? "",
            municipality?.Ags ?? "",
            assessment.Title,
            assessment.State,
            version?.Title ?? "",
            version?.Version ?? "",
            assessment.Framework,
            assessment.Approach,
            today,
            now,
            lastChanged);
        return new AssessmentExport(header, report, catalogFacts, interviewees, targetOrder);
    }
}
