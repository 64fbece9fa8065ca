using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>All catalogues with their imported versions, and the entry to comparing two versions.</summary>
public sealed class IndexModel(GrundschutzDbContext db) : PageModel
{
    public IReadOnlyList<CatalogView> Catalogs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var catalogs = await db.Catalogs.AsNoTracking()
            .OrderBy(c => c.Title)
            .ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Title })
            .ToListAsync(cancellationToken);

        // Newest first; ids grow with every import (ordering by the DateTimeOffset column is not portable to SQLite).
        var versions = await db.CatalogVersions.AsNoTracking()
            .OrderByDescending(v => v.Id)
            .Select(v => new VersionRow(
                v.Id, v.CatalogId, v.Title, v.Version, v.Format, v.ImportedAt, v.SourceFileName, v.RequirementCount, v.WithdrawnCount, v.Language))
            .ToListAsync(cancellationToken);

        var byCatalog = versions.ToLookup(v => v.CatalogId);
        Catalogs = catalogs.Select(c => new CatalogView(c.Id, c.Title, byCatalog[c.Id].ToList())).ToList();
    }

    /// <param name="Id">The catalogue.</param>
    /// <param name="Title">Its title, from its first import.</param>
    /// <param name="Versions">Newest first.</param>
    public sealed record CatalogView(int Id, string Title, IReadOnlyList<VersionRow> Versions)
    {
        /// <summary>The language of the title: the newest version's (a catalogue has at least one).</summary>
        public string Language => Versions.Count > 0 ? Versions[0].Language : CatalogLanguage.German;
    }

    public sealed record VersionRow(
        int Id,
        int CatalogId,
        string Title,
        string Version,
        CatalogFormat Format,
        DateTimeOffset ImportedAt,
        string SourceFileName,
        int RequirementCount,
        int WithdrawnCount,
        string Language);
}
