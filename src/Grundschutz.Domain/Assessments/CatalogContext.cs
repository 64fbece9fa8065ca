using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The requirements of the pinned catalogue version, in catalogue order (module order is the
/// order in which groups first appear, requirement order is list order). The assessment does not
/// store catalogue data; callers load it and pass it in where rules need it (completeness,
/// navigation, submit).
/// </summary>
public sealed class CatalogContext
{
    private readonly Dictionary<string, AssessedRequirement> _byId;
    private readonly Dictionary<string, List<AssessedRequirement>> _byGroup;
    private readonly List<string> _groupOrder;

    /// <summary>Creates the context; on duplicate ids the first occurrence wins.</summary>
    /// <param name="requirements">All requirements of the catalogue version, in catalogue order.</param>
    public CatalogContext(IEnumerable<AssessedRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        _byId = new Dictionary<string, AssessedRequirement>(StringComparer.Ordinal);
        _byGroup = new Dictionary<string, List<AssessedRequirement>>(StringComparer.Ordinal);
        _groupOrder = [];
        var all = new List<AssessedRequirement>();
        foreach (var requirement in requirements)
        {
            if (!_byId.TryAdd(requirement.RequirementId, requirement))
            {
                continue;
            }

            all.Add(requirement);
            if (!_byGroup.TryGetValue(requirement.GroupId, out var list))
            {
                list = [];
                _byGroup.Add(requirement.GroupId, list);
                _groupOrder.Add(requirement.GroupId);
            }

            list.Add(requirement);
        }

        Requirements = all;
    }

    /// <summary>All requirements, in catalogue order.</summary>
    public IReadOnlyList<AssessedRequirement> Requirements { get; }

    /// <summary>Group ids in catalogue order.</summary>
    public IReadOnlyList<string> GroupOrder => _groupOrder;

    /// <summary>The framework of the catalogue (from its first requirement; <see cref="CatalogFramework.Other"/> when empty).</summary>
    public CatalogFramework Framework => Requirements.Count > 0 ? Requirements[0].Framework : CatalogFramework.Other;

    /// <summary>The requirement with <paramref name="requirementId"/>, or null.</summary>
    public AssessedRequirement? Find(string requirementId) => _byId.GetValueOrDefault(requirementId);

    /// <summary>The requirements of a group in catalogue order (empty for an unknown group).</summary>
    public IReadOnlyList<AssessedRequirement> InGroup(string groupId) =>
        _byGroup.TryGetValue(groupId, out var list) ? list : [];

    /// <summary>Position of a group in catalogue order; unknown groups sort last.</summary>
    public int GroupPosition(string groupId)
    {
        var index = _groupOrder.IndexOf(groupId);
        return index < 0 ? int.MaxValue : index;
    }
}
