using System.Collections.Concurrent;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Assessments;

/// <summary>
/// The catalogue facts an assessment's rules need (<see cref="CatalogContext"/>), per catalogue version.
/// Catalogue versions are immutable once imported, so each is loaded once per process and kept.
/// </summary>
public sealed class CatalogContextCache
{
    private readonly ConcurrentDictionary<int, Lazy<Task<CatalogContext>>> _cache = new();

    public Task<CatalogContext> GetAsync(GrundschutzDbContext db, int catalogVersionId, CancellationToken cancellationToken)
    {
        var lazy = _cache.GetOrAdd(catalogVersionId, id => new Lazy<Task<CatalogContext>>(() => LoadAsync(db, id, CancellationToken.None)));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            _cache.TryRemove(catalogVersionId, out _);
        }

        return task.WaitAsync(cancellationToken);
    }

    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyDictionary<string, CatalogGroupHeading>>>> _groups = new();

    /// <summary>Title and kind of every group (module, practice, topic) of a catalogue version, by group id; cached like the context.</summary>
    public Task<IReadOnlyDictionary<string, CatalogGroupHeading>> GetGroupsAsync(GrundschutzDbContext db, int catalogVersionId, CancellationToken cancellationToken)
    {
        var lazy = _groups.GetOrAdd(catalogVersionId, id => new Lazy<Task<IReadOnlyDictionary<string, CatalogGroupHeading>>>(() => LoadGroupsAsync(db, id)));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            _groups.TryRemove(catalogVersionId, out _);
        }

        return task.WaitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, CatalogGroupHeading>> LoadGroupsAsync(GrundschutzDbContext db, int catalogVersionId) =>
        (await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == catalogVersionId)
            .Select(g => new CatalogGroupHeading(g.GroupId, g.Title, g.Kind))
            .ToListAsync(CancellationToken.None))
        .DistinctBy(g => g.GroupId, StringComparer.Ordinal)
        .ToDictionary(g => g.GroupId, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<int, string> _languages = new();

    /// <summary>
    /// The language of a catalogue version's texts (BCP 47), for the <c>lang</c> attribute of its titles, statements and
    /// guidance on the assessment pages; German for a version that does not exist (not kept).
    /// </summary>
    public async Task<string> GetLanguageAsync(GrundschutzDbContext db, int catalogVersionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_languages.TryGetValue(catalogVersionId, out var cached))
        {
            return cached;
        }

        var language = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == catalogVersionId)
            .Select(v => v.Language)
            .FirstOrDefaultAsync(cancellationToken);
        if (language is null)
        {
            return CatalogLanguage.German;
        }

        _languages[catalogVersionId] = language;
        return language;
    }

    /// <summary>Most requirement texts kept (over all versions; about 2 KB each). When full, the texts start over.</summary>
    public const int MaxRequirementTexts = 20_000;

    private readonly ConcurrentDictionary<(int VersionId, string RequirementId), CatalogRequirementText> _texts = new();

    /// <summary>
    /// The texts of one requirement of a catalogue version (what the question page shows), or null when the version
    /// has no such requirement; kept (bounded by <see cref="MaxRequirementTexts"/>) like the rest of the version.
    /// </summary>
    public async Task<CatalogRequirementText?> GetRequirementTextAsync(GrundschutzDbContext db, int catalogVersionId, string requirementId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_texts.TryGetValue((catalogVersionId, requirementId), out var cached))
        {
            return cached;
        }

        var text = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == catalogVersionId && r.RequirementId == requirementId)
            .Select(r => new CatalogRequirementText(r.RequirementId, r.Title, r.Statement, r.Guidance, r.Level, r.SecLevel, r.ModalVerb, r.EffortLevel, r.Roles, r.Documentation))
            .FirstOrDefaultAsync(cancellationToken);
        if (text is not null)
        {
            if (_texts.Count >= MaxRequirementTexts)
            {
                _texts.Clear();
            }

            _texts[(catalogVersionId, requirementId)] = text;
        }

        return text;
    }

    /// <summary>Loads without caching (used by the cache and by tests).</summary>
    public static async Task<CatalogContext> LoadAsync(GrundschutzDbContext db, int catalogVersionId, CancellationToken cancellationToken)
    {
        var framework = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == catalogVersionId)
            .Select(v => (CatalogFramework?)v.Framework)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Catalogue version {catalogVersionId} does not exist.");
        var rows = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == catalogVersionId)
            .OrderBy(r => r.Sequence)
            .Select(r => new { r.RequirementId, r.GroupId, r.Level, r.SecLevel, r.ModalVerb, r.Withdrawn })
            .ToListAsync(cancellationToken);
        var dependencies = (await db.RequirementLinks.AsNoTracking()
                .Where(l => l.CatalogVersionId == catalogVersionId && l.Rel == RequirementLink.Required)
                .Select(l => new { l.FromRequirementId, l.ToRequirementId })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.FromRequirementId, l => l.ToRequirementId, StringComparer.Ordinal);
        return new CatalogContext(rows.Select(r => new AssessedRequirement(
            r.RequirementId, r.GroupId, r.Level, r.SecLevel, r.ModalVerb, r.Withdrawn, dependencies[r.RequirementId].ToList(), framework)));
    }
}

/// <summary>The heading of a catalogue group: id, title and kind.</summary>
public sealed record CatalogGroupHeading(string GroupId, string Title, GroupKind Kind);
