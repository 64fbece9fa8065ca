using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>The catalogue versions a workshop can be based on, newest first.</summary>
internal static class WorkshopVersions
{
    public static async Task<IReadOnlyList<VersionOption>> LoadAsync(GrundschutzDbContext db, CancellationToken cancellationToken) =>
        (await db.CatalogVersions.AsNoTracking()
            .OrderByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Title, v.Version })
            .ToListAsync(cancellationToken))
        .Select(v => new VersionOption(v.Id, $"{v.Title} {v.Version}".Trim()))
        .ToList();
}
