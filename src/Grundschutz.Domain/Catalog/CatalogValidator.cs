using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog;

/// <summary>
/// Checks a read catalogue before it is stored. Errors that would corrupt the stored tree or the
/// dependency logic (missing or duplicate ids, unknown parents, cyclic <c>required</c> links) throw a
/// <see cref="CatalogFormatException"/> with the id as location. Findings a catalogue can live with
/// (link targets outside the catalogue, ids outside OSCAL's token pattern) become warnings.
/// </summary>
public static class CatalogValidator
{
    private const int Examples = 3;

    // The OSCAL token pattern ^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$: \p{L} is char.IsLetter, \p{N} char.IsNumber.

    /// <summary>The token pattern above, written out (it runs for every id of every import).</summary>
    private static bool IsOscalToken(string id)
    {
        // "$" also matches before a final line feed.
        var end = id.Length > 0 && id[^1] == '\n' ? id.Length - 1 : id.Length;
        if (end == 0 || !(char.IsLetter(id[0]) || id[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < end; i++)
        {
            var c = id[i];
            if (!(char.IsLetter(c) || char.IsNumber(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Validates <paramref name="document"/> and returns it with the validation warnings appended.</summary>
    /// <exception cref="CatalogFormatException">The catalogue is inconsistent.</exception>
    public static CatalogDocument Validate(CatalogDocument document)
    {
        var groupIds = CheckGroups(document.Groups);
        var requirementIds = CheckRequirements(document.Requirements, groupIds);
        CheckDependencyCycles(document.Requirements, requirementIds);

        var warnings = new List<MessageText>(document.Warnings);
        WarnAboutDanglingLinks(document.Requirements, requirementIds, warnings);
        WarnAboutTokenPattern(document, warnings);

        return warnings.Count == document.Warnings.Count ? document : document with { Warnings = warnings };
    }

    private static HashSet<string> CheckGroups(IReadOnlyList<CatalogGroup> groups)
    {
        var ids = new HashSet<string>(groups.Count, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (string.IsNullOrWhiteSpace(group.Id))
            {
                throw new CatalogFormatException(MessageText.Of("Eine Gruppe hat keine ID (Titel „{0}“).", group.Title), MessageText.Of("Gruppe „{0}“", group.Title));
            }

            if (!ids.Add(group.Id))
            {
                throw new CatalogFormatException(MessageText.Of("Die Gruppen-ID „{0}“ kommt mehrfach vor.", group.Id), CatalogLocations.Path(group.Id));
            }
        }

        foreach (var group in groups)
        {
            if (group.ParentId is not null && !ids.Contains(group.ParentId))
            {
                throw new CatalogFormatException(MessageText.Of("Die Gruppe „{0}“ hängt an der unbekannten Gruppe „{1}“.", group.Id, group.ParentId), CatalogLocations.Path(group.Id));
            }
        }

        return ids;
    }

    private static HashSet<string> CheckRequirements(IReadOnlyList<Requirement> requirements, HashSet<string> groupIds)
    {
        var ids = new HashSet<string>(requirements.Count, StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            if (string.IsNullOrWhiteSpace(requirement.Id))
            {
                throw new CatalogFormatException(
                    MessageText.Of("Ein Control in der Gruppe „{0}“ hat keine ID (Titel „{1}“).", requirement.GroupId, requirement.Title),
                    MessageText.Of("Control „{0}“", requirement.Title));
            }

            if (!ids.Add(requirement.Id))
            {
                throw new CatalogFormatException(MessageText.Of("Die ID „{0}“ kommt mehrfach vor.", requirement.Id), CatalogLocations.Path(requirement.Id));
            }

            if (!groupIds.Contains(requirement.GroupId))
            {
                throw new CatalogFormatException(MessageText.Of("Die Anforderung „{0}“ gehört zur unbekannten Gruppe „{1}“.", requirement.Id, requirement.GroupId), CatalogLocations.Path(requirement.Id));
            }
        }

        foreach (var requirement in requirements)
        {
            if (requirement.ParentId is not null && !ids.Contains(requirement.ParentId))
            {
                throw new CatalogFormatException(MessageText.Of("Die Anforderung „{0}“ hängt an der unbekannten Anforderung „{1}“.", requirement.Id, requirement.ParentId), CatalogLocations.Path(requirement.Id));
            }
        }

        return ids;
    }

    /// <summary>
    /// A requirement counts as fulfilled only with everything it requires (UMS.1.1), so a cycle of
    /// <c>required</c> links could never be fulfilled. Iterative depth-first search; the first cycle found
    /// in source order is named.
    /// </summary>
    private static void CheckDependencyCycles(IReadOnlyList<Requirement> requirements, HashSet<string> ids)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            foreach (var link in requirement.Links)
            {
                if (link.IsDependency && ids.Contains(link.TargetId))
                {
                    if (!edges.TryGetValue(requirement.Id, out var targets))
                    {
                        edges[requirement.Id] = targets = [];
                    }

                    targets.Add(link.TargetId);
                }
            }
        }

        if (edges.Count == 0)
        {
            return;
        }

        // 1 = on the current path, 2 = finished.
        var state = new Dictionary<string, byte>(StringComparer.Ordinal);
        var path = new List<string>();
        var next = new List<int>();
        foreach (var requirement in requirements)
        {
            if (!edges.ContainsKey(requirement.Id) || state.ContainsKey(requirement.Id))
            {
                continue;
            }

            state[requirement.Id] = 1;
            path.Add(requirement.Id);
            next.Add(0);
            while (path.Count > 0)
            {
                var top = path.Count - 1;
                var node = path[top];
                var targets = edges.GetValueOrDefault(node);
                if (targets is null || next[top] >= targets.Count)
                {
                    state[node] = 2;
                    path.RemoveAt(top);
                    next.RemoveAt(top);
                    continue;
                }

                var target = targets[next[top]++];
                switch (state.GetValueOrDefault(target))
                {
                    case 1:
                        var cycle = path.Skip(path.IndexOf(target)).Append(target);
                        throw new CatalogFormatException(MessageText.Of("Zyklische Abhängigkeit: {0}", string.Join(" → ", cycle)), CatalogLocations.Path(target));
                    case 0:
                        state[target] = 1;
                        path.Add(target);
                        next.Add(0);
                        break;
                }
            }
        }
    }

    private static void WarnAboutDanglingLinks(IReadOnlyList<Requirement> requirements, HashSet<string> ids, List<MessageText> warnings)
    {
        var count = 0;
        var examples = new List<string>(Examples);
        foreach (var requirement in requirements)
        {
            foreach (var link in requirement.Links)
            {
                if (!ids.Contains(link.TargetId))
                {
                    count++;
                    if (examples.Count < Examples)
                    {
                        examples.Add($"{requirement.Id} → {link.TargetId}");
                    }
                }
            }
        }

        if (count > 0)
        {
            var list = string.Join(", ", examples);
            warnings.Add(count == 1
                ? MessageText.Of("1 Verweis zeigt auf Anforderungen, die nicht im Katalog stehen, z. B. {0}.", list)
                : MessageText.Of("{0} Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. {1}.", count, list));
        }
    }

    private static void WarnAboutTokenPattern(CatalogDocument document, List<MessageText> warnings)
    {
        var count = 0;
        var examples = new List<string>(Examples);
        foreach (var id in document.Groups.Select(static g => g.Id).Concat(document.Requirements.Select(static r => r.Id)))
        {
            if (!IsOscalToken(id))
            {
                count++;
                if (examples.Count < Examples)
                {
                    examples.Add(id);
                }
            }
        }

        if (count > 0)
        {
            var list = string.Join(", ", examples);
            warnings.Add(count == 1
                ? MessageText.Of("1 ID entspricht nicht dem OSCAL-Token-Muster, z. B. {0}", list)
                : MessageText.Of("{0} IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. {1}", count, list));
        }
    }
}
