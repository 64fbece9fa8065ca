using System.Text.Json;

using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Catalog;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>One requirement with all its attributes, its parent and child controls and its links in both directions.</summary>
public sealed class RequirementModel(GrundschutzDbContext db) : PageModel
{
    private static readonly JsonSerializerOptions PropsJson = new(JsonSerializerDefaults.Web);

    public VersionHeader Version { get; private set; } = null!;

    public RequirementView Requirement { get; private set; } = null!;

    /// <summary>The group chain from layer/practice down to the requirement's module/topic.</summary>
    public IReadOnlyList<(string GroupId, string Title, string? ResponsibleRole)> Groups { get; private set; } = [];

    public LinkedRequirement? Parent { get; private set; }

    public IReadOnlyList<LinkedRequirement> Children { get; private set; } = [];

    /// <summary>Outgoing <c>required</c> links: this requirement is only fulfilled when these are.</summary>
    public IReadOnlyList<LinkedRequirement> DependsOn { get; private set; } = [];

    /// <summary>Incoming <c>required</c> links: these requirements depend on this one.</summary>
    public IReadOnlyList<LinkedRequirement> RequiredBy { get; private set; } = [];

    /// <summary><c>related</c> links in both directions, and links with any other relation.</summary>
    public IReadOnlyList<LinkedRequirement> Related { get; private set; } = [];

    public IReadOnlyList<PropRow> Props { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string requirementId, CancellationToken cancellationToken)
    {
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == id)
            .Select(v => new VersionHeader(v.Id, v.Title, v.Version, v.Language))
            .FirstOrDefaultAsync(cancellationToken);
        var requirement = version is null
            ? null
            : await db.Requirements.AsNoTracking()
                .Where(r => r.CatalogVersionId == id && r.RequirementId == requirementId)
                .Select(r => new RequirementView(
                    r.RequirementId, r.Title, r.GroupId, r.ParentRequirementId, r.Level, r.SecLevel, r.EffortLevel, r.ModalVerb,
                    r.ActionWord, r.Result, r.Documentation, r.TargetObjectCategories, r.Tags, r.Roles, r.Statement, r.Guidance,
                    r.Withdrawn, r.AltIdentifier, r.Class, r.PropsJson))
                .FirstOrDefaultAsync(cancellationToken);
        if (version is null || requirement is null)
        {
            return NotFound();
        }

        Version = version;
        Requirement = requirement;
        Groups = await GroupTrail.LoadAsync(db, id, requirement.GroupId, cancellationToken);
        Props = ReadProps(requirement.PropsJson);

        var links = await db.RequirementLinks.AsNoTracking()
            .Where(l => l.CatalogVersionId == id && (l.FromRequirementId == requirementId || l.ToRequirementId == requirementId))
            .OrderBy(l => l.Id)
            .Select(l => new { l.FromRequirementId, l.ToRequirementId, l.Rel })
            .ToListAsync(cancellationToken);
        var children = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == id && r.ParentRequirementId == requirementId)
            .OrderBy(r => r.Sequence)
            .Select(r => new LinkedRequirement(r.RequirementId, r.Title, r.Withdrawn, true, null))
            .ToListAsync(cancellationToken);

        // Titles of everything linked, in one query.
        var otherIds = links
            .Select(l => l.FromRequirementId == requirementId ? l.ToRequirementId : l.FromRequirementId)
            .Append(requirement.ParentRequirementId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = otherIds.Count == 0
            ? new Dictionary<string, TitleRow>(StringComparer.Ordinal)
            : await db.Requirements.AsNoTracking()
                .Where(r => r.CatalogVersionId == id && otherIds.Contains(r.RequirementId))
                .Select(r => new TitleRow(r.RequirementId, r.Title, r.Withdrawn))
                .ToDictionaryAsync(r => r.RequirementId, StringComparer.Ordinal, cancellationToken);

        LinkedRequirement Linked(string otherId, string? rel) =>
            known.TryGetValue(otherId, out var other)
                ? new LinkedRequirement(otherId, other.Title, other.Withdrawn, true, rel)
                : new LinkedRequirement(otherId, null, false, false, rel);

        Parent = requirement.ParentRequirementId is { } parentId ? Linked(parentId, null) : null;
        Children = children;
        DependsOn = links
            .Where(l => l.Rel == RequirementLink.Required && l.FromRequirementId == requirementId && l.ToRequirementId != requirementId)
            .Select(l => Linked(l.ToRequirementId, null))
            .DistinctBy(l => l.RequirementId)
            .ToList();
        RequiredBy = links
            .Where(l => l.Rel == RequirementLink.Required && l.ToRequirementId == requirementId && l.FromRequirementId != requirementId)
            .Select(l => Linked(l.FromRequirementId, null))
            .DistinctBy(l => l.RequirementId)
            .ToList();
        Related = links
            .Where(l => l.Rel != RequirementLink.Required)
            .Select(l => Linked(
                l.FromRequirementId == requirementId ? l.ToRequirementId : l.FromRequirementId,
                l.Rel == RequirementLink.Related ? null : l.Rel))
            .Where(l => l.RequirementId != requirementId)
            .DistinctBy(l => (l.RequirementId, l.Rel))
            .ToList();
        return Page();
    }

    private static List<PropRow> ReadProps(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<PropRow>>(json, PropsJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public sealed record VersionHeader(int Id, string Title, string Version, string Language);

    public sealed record RequirementView(
        string RequirementId,
        string Title,
        string GroupId,
        string? ParentRequirementId,
        RequirementLevel? Level,
        string? SecLevel,
        int? EffortLevel,
        string? ModalVerb,
        string? ActionWord,
        string? Result,
        string? Documentation,
        string TargetObjectCategories,
        string Tags,
        string Roles,
        string Statement,
        string? Guidance,
        bool Withdrawn,
        string? AltIdentifier,
        string? Class,
        string PropsJson)
    {
        public IReadOnlyList<string> TargetObjectCategoryList => MultiValue.Decode(TargetObjectCategories);

        public IReadOnlyList<string> TagList => MultiValue.Decode(Tags);

        public IReadOnlyList<string> RoleList => MultiValue.Decode(Roles);
    }

    /// <summary>Another requirement named on the page; <see cref="Exists"/> is false for a link to an id not in this version.</summary>
    public sealed record LinkedRequirement(string RequirementId, string? Title, bool Withdrawn, bool Exists, string? Rel);

    private sealed record TitleRow(string RequirementId, string Title, bool Withdrawn);

    public sealed record PropRow(string Name, string Value, string? Ns, string? Remarks);
}
