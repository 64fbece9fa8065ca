namespace Grundschutz.Domain.Catalog;

/// <summary>
/// Compares two versions of one catalogue requirement by requirement. Requirements are matched on their id
/// (stable across editions, unlike export artefacts such as DocBook xml:ids); text is compared ordinally because
/// the readers already normalise white space.
/// </summary>
public static class CatalogDiff
{
    /// <summary>Lists the requirements added, removed and changed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The requirements of the older version.</param>
    /// <param name="to">The requirements of the newer version.</param>
    /// <returns>The differences; a requirement id that occurs twice in one list counts once (its first occurrence).</returns>
    public static CatalogDiffResult Compare(IReadOnlyList<Requirement> from, IReadOnlyList<Requirement> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);

        var before = Index(from);
        var after = Index(to);

        var added = new List<Requirement>();
        var changed = new List<CatalogDiffChange>();
        var unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in to)
        {
            if (!seen.Add(requirement.Id))
            {
                continue; // a repeated id: its first occurrence counts
            }

            if (!before.TryGetValue(requirement.Id, out var old))
            {
                added.Add(requirement);
                continue;
            }

            var fields = Differences(old, requirement);
            if (fields == CatalogDiffFields.None)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new CatalogDiffChange(old, requirement, fields));
            }
        }

        seen.Clear();
        var removed = from.Where(r => seen.Add(r.Id) && !after.ContainsKey(r.Id)).ToList();
        return new CatalogDiffResult(added, removed, changed, unchanged);
    }

    /// <summary>The compared fields in which <paramref name="old"/> and <paramref name="current"/> differ.</summary>
    public static CatalogDiffFields Differences(Requirement old, Requirement current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);

        var fields = CatalogDiffFields.None;
        if (!string.Equals(old.Title, current.Title, StringComparison.Ordinal))
        {
            fields |= CatalogDiffFields.Title;
        }

        if (!string.Equals(old.Statement, current.Statement, StringComparison.Ordinal))
        {
            fields |= CatalogDiffFields.Statement;
        }

        if (old.Level != current.Level)
        {
            fields |= CatalogDiffFields.Level;
        }

        if (!string.Equals(old.SecLevel, current.SecLevel, StringComparison.Ordinal))
        {
            fields |= CatalogDiffFields.SecLevel;
        }

        if (!string.Equals(old.ModalVerb, current.ModalVerb, StringComparison.Ordinal))
        {
            fields |= CatalogDiffFields.ModalVerb;
        }

        if (old.Withdrawn != current.Withdrawn)
        {
            fields |= CatalogDiffFields.Withdrawn;
        }

        if (old.EffortLevel != current.EffortLevel)
        {
            fields |= CatalogDiffFields.EffortLevel;
        }

        return fields;
    }

    /// <summary>The first requirement for every id.</summary>
    private static Dictionary<string, Requirement> Index(IReadOnlyList<Requirement> requirements)
    {
        var byId = new Dictionary<string, Requirement>(requirements.Count, StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            byId.TryAdd(requirement.Id, requirement);
        }

        return byId;
    }
}
