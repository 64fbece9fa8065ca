using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>One imported catalogue version: its metadata, import warnings and the tree of groups.</summary>
public sealed class VersionModel(GrundschutzDbContext db) : PageModel
{
    public VersionView Version { get; private set; } = null!;

    /// <summary>The import warnings, translatable (older versions hold verbatim German texts).</summary>
    public IReadOnlyList<MessageText> Warnings { get; private set; } = [];

    /// <summary>Top-level groups (layers, practices) with their sub-groups.</summary>
    public IReadOnlyList<TreeNode> Tree { get; private set; } = [];

    /// <summary>The version imported just before this one of the same catalogue, for a quick comparison.</summary>
    public int? PreviousVersionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == id)
            .Select(v => new VersionView(
                v.Id, v.CatalogId, v.Catalog.Title, v.Title, v.Version, v.Format, v.OscalVersion, v.Published, v.SourceFileName,
                v.Sha256, v.ImportedAt, v.ImportedBy, v.GroupCount, v.RequirementCount, v.WithdrawnCount, v.WarningsJson, v.Language))
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return NotFound();
        }

        Version = version;
        Warnings = CatalogWarningsJson.Read(version.WarningsJson);
        PreviousVersionId = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.CatalogId == version.CatalogId && v.Id < id)
            .OrderByDescending(v => v.Id)
            .Select(v => (int?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var groups = await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == id)
            .OrderBy(g => g.Sequence)
            .Select(g => new { g.GroupId, g.ParentGroupId, g.Title, g.Kind })
            .ToListAsync(cancellationToken);
        var counts = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == id)
            .GroupBy(r => r.GroupId)
            .Select(g => new { GroupId = g.Key, Total = g.Count(), Withdrawn = g.Count(r => r.Withdrawn) })
            .ToDictionaryAsync(c => c.GroupId, cancellationToken);

        var children = groups.ToLookup(g => g.ParentGroupId ?? "");
        var known = groups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);

        TreeNode Build(string groupId, string title, GroupKind kind)
        {
            visited.Add(groupId);
            var subGroups = children[groupId]
                .Where(c => !visited.Contains(c.GroupId))
                .Select(c => Build(c.GroupId, c.Title, c.Kind))
                .ToList();
            var own = counts.GetValueOrDefault(groupId);
            return new TreeNode(
                groupId,
                title,
                kind,
                (own?.Total ?? 0) + subGroups.Sum(s => s.Total),
                (own?.Withdrawn ?? 0) + subGroups.Sum(s => s.Withdrawn),
                subGroups);
        }

        // Roots: no parent, or (defensively) a parent that is not in this version.
        Tree = groups
            .Where(g => g.ParentGroupId is null || !known.Contains(g.ParentGroupId))
            .Select(g => Build(g.GroupId, g.Title, g.Kind))
            .ToList();
        return Page();
    }

    public sealed record VersionView(
        int Id,
        int CatalogId,
        string CatalogTitle,
        string Title,
        string Version,
        CatalogFormat Format,
        string? OscalVersion,
        string? Published,
        string SourceFileName,
        string Sha256,
        DateTimeOffset ImportedAt,
        string? ImportedBy,
        int GroupCount,
        int RequirementCount,
        int WithdrawnCount,
        string WarningsJson,
        string Language);

    /// <summary>A group with its requirement counts (its own plus those of all sub-groups).</summary>
    public sealed record TreeNode(string GroupId, string Title, GroupKind Kind, int Total, int Withdrawn, IReadOnlyList<TreeNode> Children);
}
