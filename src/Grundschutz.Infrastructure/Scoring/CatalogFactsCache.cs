using System.Collections.Concurrent;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// <see cref="CatalogFacts"/> per catalogue version, loaded once per process with one projection of the groups
/// and one of the requirements (catalogue versions are immutable once imported).
/// </summary>
public sealed class CatalogFactsCache
{
    private readonly ConcurrentDictionary<int, Lazy<Task<CatalogFacts>>> _cache = new();

    public Task<CatalogFacts> GetAsync(GrundschutzDbContext db, int catalogVersionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lazy = _cache.GetOrAdd(catalogVersionId, id => new Lazy<Task<CatalogFacts>>(() => LoadAsync(db, id, CancellationToken.None)));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            _cache.TryRemove(catalogVersionId, out _);
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Loads without caching.</summary>
    public static async Task<CatalogFacts> LoadAsync(GrundschutzDbContext db, int catalogVersionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == catalogVersionId)
            .OrderBy(g => g.Sequence)
            .Select(g => new { g.GroupId, g.ParentGroupId, g.TopGroupId, g.Title, g.ProcessingOrder })
            .ToListAsync(cancellationToken);
        var requirements = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == catalogVersionId)
            .Select(r => new { r.RequirementId, r.GroupId, r.TopGroupId, r.Title, r.EffortLevel })
            .ToListAsync(cancellationToken);

        var byId = new Dictionary<string, (string? Parent, string Top, string Title, string? Order)>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            byId.TryAdd(group.GroupId, (group.ParentGroupId, group.TopGroupId, group.Title, group.ProcessingOrder));
        }

        // The processing order (R1–R3) belongs to the module; a nested group inherits the nearest one above it.
        string? OrderOf(string groupId)
        {
            var current = groupId;
            for (var guard = 0; guard <= byId.Count && byId.TryGetValue(current, out var group); guard++)
            {
                if (group.Order is { } order)
                {
                    return order;
                }

                if (group.Parent is not { } parent)
                {
                    break;
                }

                current = parent;
            }

            return null;
        }

        var facts = new Dictionary<string, RequirementFacts>(groups.Count + requirements.Count, StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(groups.Count, StringComparer.Ordinal);
        var orders = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (id, group) in byId)
        {
            var order = OrderOf(id);
            orders[id] = order;
            titles[id] = group.Title;
            facts[id] = new RequirementFacts(group.Title, null, string.IsNullOrEmpty(group.Top) ? null : group.Top, order);
        }

        foreach (var requirement in requirements)
        {
            facts[requirement.RequirementId] = new RequirementFacts(
                requirement.Title,
                requirement.EffortLevel,
                string.IsNullOrEmpty(requirement.TopGroupId) ? null : requirement.TopGroupId,
                orders.GetValueOrDefault(requirement.GroupId));
        }

        return new CatalogFacts(facts, titles);
    }
}
