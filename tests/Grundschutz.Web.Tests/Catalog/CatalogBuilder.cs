using System.Security.Cryptography;

using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Catalog;

/// <summary>
/// Builds one catalogue version directly in the database: groups, requirements and links with sensible
/// defaults (document order, top-level group, depth, counts and the folded search text are computed as the
/// import would). Every catalogue gets a unique key and every version a unique SHA-256, so builders in the
/// same database never collide.
/// </summary>
public sealed class CatalogBuilder
{
    private readonly List<StoredGroup> _groups = [];
    private readonly List<StoredRequirement> _requirements = [];
    private readonly List<StoredRequirementLink> _links = [];
    private readonly List<string> _warnings = [];
    private readonly CatalogFramework _framework;
    private string _title;
    private string _version = "1.0";
    private CatalogFormat _format;
    private string _sourceFileName = "testkatalog.json";
    private DateTimeOffset _importedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private int? _catalogId;

    public CatalogBuilder(string title = "Testkatalog", CatalogFramework framework = CatalogFramework.ItGrundschutz)
    {
        _title = title;
        _framework = framework;
        _format = framework == CatalogFramework.ItGrundschutz ? CatalogFormat.KompendiumXml : CatalogFormat.OscalCatalog;
    }

    /// <summary>A further version of an existing catalogue (see <see cref="Built.CatalogId"/>).</summary>
    public CatalogBuilder OfCatalog(int catalogId)
    {
        _catalogId = catalogId;
        return this;
    }

    public CatalogBuilder Version(string version)
    {
        _version = version;
        return this;
    }

    public CatalogBuilder Title(string title)
    {
        _title = title;
        return this;
    }

    public CatalogBuilder Format(CatalogFormat format)
    {
        _format = format;
        return this;
    }

    public CatalogBuilder SourceFile(string fileName)
    {
        _sourceFileName = fileName;
        return this;
    }

    public CatalogBuilder ImportedAt(DateTimeOffset importedAt)
    {
        _importedAt = importedAt;
        return this;
    }

    public CatalogBuilder Warning(string warning)
    {
        _warnings.Add(warning);
        return this;
    }

    /// <summary>Adds a group; without <paramref name="kind"/> a top-level group is a layer/practice, a nested one a module/topic.</summary>
    public CatalogBuilder Group(string id, string title, string? parent = null, GroupKind? kind = null, Action<StoredGroup>? configure = null)
    {
        var group = new StoredGroup
        {
            GroupId = id,
            Title = title,
            ParentGroupId = parent,
            Kind = kind ?? (_framework, parent) switch
            {
                (CatalogFramework.ItGrundschutz, null) => GroupKind.Layer,
                (CatalogFramework.ItGrundschutz, _) => GroupKind.Module,
                (CatalogFramework.GrundschutzPlusPlus, null) => GroupKind.Practice,
                (CatalogFramework.GrundschutzPlusPlus, _) => GroupKind.Topic,
                _ => GroupKind.Group,
            },
        };
        configure?.Invoke(group);
        _groups.Add(group);
        return this;
    }

    /// <summary>
    /// Adds a requirement to <paramref name="group"/>. Defaults: Kompendium style (level B, MUSS) for IT-Grundschutz,
    /// Grundschutz++ style (normal-SdT, SOLLTE, effort 2) otherwise; statement "Anforderungstext zu &lt;id&gt;.".
    /// </summary>
    public CatalogBuilder Requirement(string id, string title, string group, Action<StoredRequirement>? configure = null)
    {
        var grundschutz = _framework == CatalogFramework.ItGrundschutz;
        var requirement = new StoredRequirement
        {
            RequirementId = id,
            Title = title,
            GroupId = group,
            Level = grundschutz ? RequirementLevel.Basis : null,
            SecLevel = grundschutz ? null : "normal-SdT",
            EffortLevel = grundschutz ? null : 2,
            ModalVerb = grundschutz ? "MUSS" : "SOLLTE",
            Statement = $"Anforderungstext zu {id}.",
        };
        configure?.Invoke(requirement);
        _requirements.Add(requirement);
        return this;
    }

    /// <summary>A link from <paramref name="from"/> to <paramref name="to"/> (rel "required" = dependency).</summary>
    public CatalogBuilder Link(string from, string to, string rel = RequirementLink.Required)
    {
        _links.Add(new StoredRequirementLink { FromRequirementId = from, ToRequirementId = to, Rel = rel });
        return this;
    }

    public async Task<Built> SaveAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();

        StoredCatalog catalog;
        if (_catalogId is int existing)
        {
            catalog = await db.Catalogs.SingleAsync(c => c.Id == existing);
        }
        else
        {
            catalog = new StoredCatalog { Key = "test-" + Guid.NewGuid().ToString("N"), Title = _title, Framework = _framework };
            db.Catalogs.Add(catalog);
        }

        var version = new StoredCatalogVersion
        {
            Catalog = catalog,
            Title = _title,
            Version = _version,
            Format = _format,
            Framework = _framework,
            SourceFileName = _sourceFileName,
            Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ImportedAt = _importedAt,
            ImportedBy = "test",
            GroupCount = _groups.Count,
            RequirementCount = _requirements.Count,
            WithdrawnCount = _requirements.Count(r => r.Withdrawn),
            WarningsJson = System.Text.Json.JsonSerializer.Serialize(_warnings),
        };
        db.CatalogVersions.Add(version);
        await db.SaveChangesAsync();

        var groupsById = _groups.ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        string TopOf(string groupId)
        {
            var current = groupId;
            for (var guard = 0; guard < 32 && groupsById.TryGetValue(current, out var g) && g.ParentGroupId is not null; guard++)
            {
                current = g.ParentGroupId;
            }

            return current;
        }

        int GroupDepth(StoredGroup group)
        {
            var depth = 0;
            for (var g = group; g.ParentGroupId is not null && groupsById.TryGetValue(g.ParentGroupId, out var parent) && depth < 32; g = parent)
            {
                depth++;
            }

            return depth;
        }

        var sequence = 0;
        foreach (var group in _groups)
        {
            group.CatalogVersionId = version.Id;
            group.TopGroupId = TopOf(group.GroupId);
            group.Depth = GroupDepth(group);
            group.Sequence = sequence++;
            db.CatalogGroups.Add(group);
        }

        var requirementsById = _requirements.ToDictionary(r => r.RequirementId, StringComparer.Ordinal);
        sequence = 0;
        foreach (var requirement in _requirements)
        {
            var depth = 0;
            for (var parent = requirement.ParentRequirementId; parent is not null && requirementsById.TryGetValue(parent, out var p) && depth < 32; parent = p.ParentRequirementId)
            {
                depth++;
            }

            requirement.CatalogVersionId = version.Id;
            requirement.TopGroupId = TopOf(requirement.GroupId);
            requirement.Depth = depth;
            requirement.Sequence = sequence++;
            requirement.SearchText = SearchText.Fold($"{requirement.RequirementId} {requirement.Title} {requirement.Statement} {requirement.Guidance}");
            requirement.SearchTitle = SearchText.Fold($"{requirement.RequirementId} {requirement.Title}");
            db.Requirements.Add(requirement);
        }

        foreach (var link in _links)
        {
            link.CatalogVersionId = version.Id;
            db.RequirementLinks.Add(link);
        }

        await db.SaveChangesAsync();
        return new Built(catalog.Id, version.Id);
    }

    /// <summary>The ids of what <see cref="SaveAsync"/> stored.</summary>
    public sealed record Built(int CatalogId, int VersionId);
}
