using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>A group (module, topic, layer or practice): its description, roles and requirements.</summary>
public sealed class GroupModel(GrundschutzDbContext db) : PageModel
{
    public VersionHeader Version { get; private set; } = null!;

    public GroupView Group { get; private set; } = null!;

    /// <summary>Enclosing groups, top-level first (empty for a layer or practice).</summary>
    public IReadOnlyList<(string GroupId, string Title, string? ResponsibleRole)> Ancestors { get; private set; } = [];

    public IReadOnlyList<SubGroupRow> SubGroups { get; private set; } = [];

    /// <summary>The group's requirements in document order; nested controls follow their parent.</summary>
    public IReadOnlyList<RequirementRow> Requirements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string groupId, CancellationToken cancellationToken)
    {
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == id)
            .Select(v => new VersionHeader(v.Id, v.Title, v.Version, v.Language))
            .FirstOrDefaultAsync(cancellationToken);
        var group = version is null
            ? null
            : await db.CatalogGroups.AsNoTracking()
                .Where(g => g.CatalogVersionId == id && g.GroupId == groupId)
                .Select(g => new GroupView(
                    g.GroupId, g.Title, g.Kind, g.ParentGroupId, g.Description, g.Label, g.ResponsibleRole, g.FurtherRoles,
                    g.ProcessingOrder, g.TargetObjectType))
                .FirstOrDefaultAsync(cancellationToken);
        if (version is null || group is null)
        {
            return NotFound();
        }

        Version = version;
        Group = group;
        Ancestors = await GroupTrail.LoadAsync(db, id, group.ParentGroupId, cancellationToken);

        var subGroups = await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == id && g.ParentGroupId == groupId)
            .OrderBy(g => g.Sequence)
            .Select(g => new { g.GroupId, g.Title, g.Kind })
            .ToListAsync(cancellationToken);
        if (subGroups.Count > 0)
        {
            // Counts of the direct sub-groups' own requirements (catalogues nest groups two levels deep).
            var ids = subGroups.Select(g => g.GroupId).ToList();
            var counts = await db.Requirements.AsNoTracking()
                .Where(r => r.CatalogVersionId == id && ids.Contains(r.GroupId))
                .GroupBy(r => r.GroupId)
                .Select(g => new { GroupId = g.Key, Total = g.Count(), Withdrawn = g.Count(r => r.Withdrawn) })
                .ToDictionaryAsync(c => c.GroupId, cancellationToken);
            SubGroups = subGroups
                .Select(g => new SubGroupRow(g.GroupId, g.Title, g.Kind, counts.GetValueOrDefault(g.GroupId)?.Total ?? 0, counts.GetValueOrDefault(g.GroupId)?.Withdrawn ?? 0))
                .ToList();
        }

        Requirements = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == id && r.GroupId == groupId)
            .OrderBy(r => r.Sequence)
            .Select(r => new RequirementRow(
                r.RequirementId, r.Title, r.ParentRequirementId, r.Depth, r.Level, r.SecLevel, r.ModalVerb, r.EffortLevel, r.Withdrawn))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record VersionHeader(int Id, string Title, string Version, string Language);

    public sealed record GroupView(
        string GroupId,
        string Title,
        GroupKind Kind,
        string? ParentGroupId,
        string? Description,
        string? Label,
        string? ResponsibleRole,
        string? FurtherRoles,
        string? ProcessingOrder,
        string? TargetObjectType)
    {
        /// <summary>The further roles, stored joined by " | ".</summary>
        public IReadOnlyList<string> FurtherRoleList =>
            string.IsNullOrWhiteSpace(FurtherRoles)
                ? []
                : FurtherRoles.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed record SubGroupRow(string GroupId, string Title, GroupKind Kind, int Total, int Withdrawn);

    public sealed record RequirementRow(
        string RequirementId,
        string Title,
        string? ParentRequirementId,
        int Depth,
        RequirementLevel? Level,
        string? SecLevel,
        string? ModalVerb,
        int? EffortLevel,
        bool Withdrawn);
}
