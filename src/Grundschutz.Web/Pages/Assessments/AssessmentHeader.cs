using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>What the assessment pages show at the top: which municipality, which pinned catalogue version, approach, state.</summary>
public sealed record AssessmentHeader(
    Guid Id,
    string Title,
    string Municipality,
    int CatalogVersionId,
    string CatalogTitle,
    string CatalogVersion,
    CatalogFramework Framework,
    Approach Approach,
    AssessmentState State,
    Guid? PreviousAssessmentId)
{
    /// <summary>The language of the catalogue's texts (BCP 47) for their <c>lang</c> attribute (WCAG 3.1.2).</summary>
    public string TextLanguage { get; init; } = CatalogLanguage.German;

    /// <summary>Builds the header of an assessment the caller has already loaded through <c>AssessmentAccess</c>.</summary>
    public static async Task<AssessmentHeader> LoadAsync(GrundschutzDbContext db, Assessment assessment, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == assessment.MunicipalityId)
            .Select(m => m.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == assessment.CatalogVersionId)
            .Select(v => new { v.Title, v.Version, v.Language })
            .FirstAsync(cancellationToken);
        return new AssessmentHeader(
            assessment.Id,
            assessment.Title,
            municipality,
            assessment.CatalogVersionId,
            version.Title,
            version.Version,
            assessment.Framework,
            assessment.Approach,
            assessment.State,
            assessment.PreviousAssessmentId)
        {
            TextLanguage = version.Language,
        };
    }
}
