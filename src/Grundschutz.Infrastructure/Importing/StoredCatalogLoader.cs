using System.Text.Json;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Importing;

/// <summary>Rebuilds a <see cref="CatalogDocument"/> from a stored catalogue version.</summary>
public static class StoredCatalogLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<(string FileName, CatalogDocument Document)> LoadAsync(GrundschutzDbContext db, int versionId, CancellationToken ct)
    {
        var version = await db.CatalogVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct);
        var groups = await db.CatalogGroups.AsNoTracking().Where(g => g.CatalogVersionId == versionId).OrderBy(g => g.Sequence).ToListAsync(ct);
        var requirements = await db.Requirements.AsNoTracking().Where(r => r.CatalogVersionId == versionId).OrderBy(r => r.Sequence).ToListAsync(ct);
        var links = (await db.RequirementLinks.AsNoTracking().Where(l => l.CatalogVersionId == versionId).OrderBy(l => l.Id).ToListAsync(ct))
            .ToLookup(l => l.FromRequirementId, StringComparer.Ordinal);

        var siblingOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        int NextOrder(string parent) => siblingOrder[parent] = siblingOrder.GetValueOrDefault(parent, -1) + 1;

        var doc = new CatalogDocument
        {
            Format = version.Format,
            Framework = version.Framework,
            Title = version.Title,
            Version = version.Version,
            OscalVersion = version.OscalVersion,
            Published = version.Published,
            Language = version.Language,
            Warnings = CatalogWarningsJson.Read(version.WarningsJson),
            Groups = groups.Select(g => new CatalogGroup
            {
                Id = g.GroupId,
                Title = g.Title,
                ParentId = g.ParentGroupId,
                Kind = g.Kind,
                Order = NextOrder("g:" + (g.ParentGroupId ?? "")),
                Description = g.Description,
                Label = g.Label,
                ResponsibleRole = g.ResponsibleRole,
                FurtherRoles = string.IsNullOrEmpty(g.FurtherRoles) ? [] : g.FurtherRoles.Split(" | "),
                ProcessingOrder = g.ProcessingOrder,
                TargetObjectType = g.TargetObjectType,
                Props = Props(g.PropsJson),
            }).ToList(),
            Requirements = requirements.Select(r => ToRequirement(r, links[r.RequirementId], NextOrder("r:" + (r.ParentRequirementId ?? r.GroupId)))).ToList(),
        };
        return (version.SourceFileName, doc);
    }

    private static Requirement ToRequirement(StoredRequirement r, IEnumerable<StoredRequirementLink> links, int order) => new()
    {
        Id = r.RequirementId,
        Title = r.Title,
        GroupId = r.GroupId,
        ParentId = r.ParentRequirementId,
        Order = order,
        Level = r.Level,
        SecLevel = r.SecLevel,
        EffortLevel = r.EffortLevel,
        ModalVerb = r.ModalVerb,
        ActionWord = r.ActionWord,
        Result = r.Result,
        Documentation = r.Documentation,
        TargetObjectCategories = MultiValue.Decode(r.TargetObjectCategories),
        Tags = MultiValue.Decode(r.Tags),
        Roles = MultiValue.Decode(r.Roles),
        Statement = r.Statement,
        Guidance = r.Guidance,
        Withdrawn = r.Withdrawn,
        AltIdentifier = r.AltIdentifier,
        Class = r.Class,
        Props = Props(r.PropsJson),
        Links = links.Select(l => new RequirementLink(l.Rel, l.ToRequirementId)).ToList(),
    };

    private static List<CatalogProperty> Props(string json) =>
        JsonSerializer.Deserialize<List<CatalogProperty>>(json, JsonOptions) ?? [];
}
