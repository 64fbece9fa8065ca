using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Pages.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>The catalogue versions a workshop can be based on, newest first.</summary>
internal static class WorkshopVersions
{
    /// <summary>
    /// Newest import first, labelled like the assessment form: title, version (an OSCAL time stamp as „Stand 29.07.2026“)
    /// and the requirements in force, so a 10-requirement add-on catalogue is told apart from the Kompendium.
    /// </summary>
    public static async Task<IReadOnlyList<VersionOption>> LoadAsync(GrundschutzDbContext db, IStringLocalizer t, CancellationToken cancellationToken) =>
        (await db.CatalogVersions.AsNoTracking()
            .OrderByDescending(v => v.ImportedAt)
            .ThenByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Title, v.Version, Requirements = v.RequirementCount - v.WithdrawnCount })
            .ToListAsync(cancellationToken))
        .Select(v => new VersionOption(
            v.Id,
            $"{v.Title} {CatalogText.VersionLabel(t, v.Version)} ({t["{0} Anforderungen", v.Requirements.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)].Value})",
            v.Requirements))
        .ToList();

    /// <summary>
    /// The version a new workshop's form offers first: the one most assessments (not archived) are on – a workshop only
    /// counts assessments on its own version –, else the one with the most requirements in force (ties: the newest
    /// import). The first in import order was a small add-on catalogue whenever it was imported last: a workshop on it
    /// showed „noch keine Bewertung zu diesem Katalog“ for every municipality. Only the choice uses the counts; the
    /// facilitator sees none of them.
    /// </summary>
    public static async Task<int?> DefaultIdAsync(GrundschutzDbContext db, IReadOnlyList<VersionOption> versions, CancellationToken cancellationToken)
    {
        var used = await db.Assessments.AsNoTracking()
            .Where(a => a.State != AssessmentState.Archived)
            .GroupBy(a => a.CatalogVersionId)
            .Select(g => new { VersionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.VersionId, g => g.Count, cancellationToken);
        return versions
            .OrderByDescending(v => used.GetValueOrDefault(v.Id))
            .ThenByDescending(v => v.Requirements)
            .Select(v => (int?)v.Id)
            .FirstOrDefault();
    }
}
