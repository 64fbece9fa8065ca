using Grundschutz.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>The chain of groups from the top-level group (layer/practice) down to a group, for breadcrumbs and inherited roles.</summary>
internal static class GroupTrail
{
    /// <summary>Deepest nesting followed; guards against a (corrupt) parent cycle.</summary>
    private const int MaxDepth = 16;

    /// <summary>
    /// Ancestors of <paramref name="parentGroupId"/> including itself, top-level first. One indexed lookup per level:
    /// catalogues have two levels (layer → module, practice → topic), so this is one or two queries.
    /// </summary>
    public static async Task<IReadOnlyList<(string GroupId, string Title, string? ResponsibleRole)>> LoadAsync(
        GrundschutzDbContext db, int versionId, string? parentGroupId, CancellationToken cancellationToken)
    {
        var trail = new List<(string GroupId, string Title, string? ResponsibleRole)>();
        var next = parentGroupId;
        while (next is not null && trail.Count < MaxDepth)
        {
            var id = next;
            var group = await db.CatalogGroups.AsNoTracking()
                .Where(g => g.CatalogVersionId == versionId && g.GroupId == id)
                .Select(g => new { g.GroupId, g.Title, g.ParentGroupId, g.ResponsibleRole })
                .FirstOrDefaultAsync(cancellationToken);
            if (group is null || trail.Exists(t => t.GroupId == group.GroupId))
            {
                break;
            }

            trail.Add((group.GroupId, group.Title, group.ResponsibleRole));
            next = group.ParentGroupId;
        }

        trail.Reverse();
        return trail;
    }
}
