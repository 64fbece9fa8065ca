using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Loads and scores one assessment for the OSCAL exports. Tenant isolation stays with the caller: the assessment is
/// looked up only in the <see cref="IQueryable{Assessment}"/> passed in (e.g. <c>AssessmentAccess.Visible</c>).
/// </summary>
public static class OscalExportLoader
{
    /// <summary>The export source of <paramref name="id"/> as of <paramref name="now"/>, or null when not visible.</summary>
    public static async Task<OscalExportSource?> LoadAsync(
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
            .Include(a => a.ModuleExclusions)
            .Include(a => a.Answers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, context, catalogFacts.Facts, today));
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == assessment.MunicipalityId)
            .Select(m => new { m.Name, m.Ags })
            .FirstOrDefaultAsync(cancellationToken);
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == assessment.CatalogVersionId)
            .Select(v => new OscalCatalogReference(v.Title, v.Version, v.Sha256, v.SourceFileName))
            .FirstAsync(cancellationToken);
        return new OscalExportSource(assessment, report, municipality?.Name ?? "", municipality?.Ags ?? "", version, now);
    }
}
