using Grundschutz.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages;

public sealed class IndexModel(GrundschutzDbContext db) : PageModel
{
    public IReadOnlyList<CatalogRow> Catalogs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Latest version of each catalogue.
        var latestIds = db.CatalogVersions.GroupBy(v => v.CatalogId).Select(g => g.Max(v => v.Id));
        Catalogs = await db.CatalogVersions.AsNoTracking()
            .Where(v => latestIds.Contains(v.Id))
            .OrderBy(v => v.Title)
            .Select(v => new CatalogRow(v.Id, v.Title, v.Version, v.RequirementCount))
            .ToListAsync(cancellationToken);
    }

    public sealed record CatalogRow(int VersionId, string Title, string Version, int Requirements);
}
