using System.Text.Json;
using System.Text.RegularExpressions;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Oscal;

/// <summary>
/// Resolves an OSCAL profile (JSON) against catalogues that are already available: imports with
/// <c>include-all</c>, <c>include-controls</c>/<c>exclude-controls</c> (<c>with-ids</c>,
/// <c>with-child-controls</c>, <c>matching</c>), the group structure of the source catalogues kept
/// (<c>merge.as-is</c>), and <c>modify.set-parameters</c> applied to statement and guidance.
/// <c>modify.alters</c> is not applied (a warning says so).
/// </summary>
public static class OscalProfileResolver
{
    private static readonly MessageText ProfilePath = CatalogLocations.Path("profile");
    private static readonly MessageText MetadataPath = CatalogLocations.Path("metadata");
    private static readonly MessageText SetParametersPath = CatalogLocations.Path("modify.set-parameters");

    /// <summary>Resolves the value of the root <c>profile</c> property of an OSCAL profile document.</summary>
    /// <param name="profile">The <c>profile</c> object.</param>
    /// <param name="available">Catalogues the imports may refer to (imported earlier or in the same call).</param>
    /// <exception cref="CatalogFormatException">An import is missing, or the result would be inconsistent.</exception>
    public static CatalogDocument Resolve(JsonElement profile, IReadOnlyList<AvailableCatalog> available)
    {
        OscalJson.RequireObject(profile, MessageText.Of("„{0}“", "profile"), ProfilePath);
        if (!OscalJson.TryObject(profile, "metadata", ProfilePath, out var metadata))
        {
            throw new CatalogFormatException(MessageText.Of("Dem Profil fehlen die Metadaten (metadata)."), CatalogLocations.Path("profile.metadata"));
        }

        var title = OscalJson.NormalizeSpace(OscalJson.String(metadata, "title", MetadataPath));
        if (title.Length == 0)
        {
            throw new CatalogFormatException(MessageText.Of("Das Profil hat keinen Titel (metadata.title)."), CatalogLocations.Path("metadata.title"));
        }

        if (!OscalJson.TryArray(profile, "imports", ProfilePath, out var imports) || imports.GetArrayLength() == 0)
        {
            throw new CatalogFormatException(MessageText.Of("Das Profil importiert keinen Katalog (imports fehlt)."), CatalogLocations.Path("profile.imports"));
        }

        var resources = ReadResources(profile);
        var warnings = new List<MessageText>();
        var groups = new List<CatalogGroup>();
        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        var requirements = new List<Requirement>();
        var requirementSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var frameworks = new List<CatalogFramework>();
        var languages = new List<string?>();

        var importNumber = 0;
        foreach (var import in imports.EnumerateArray())
        {
            importNumber++;
            var location = CatalogLocations.Path($"imports[{importNumber - 1}]");
            OscalJson.RequireObject(import, MessageText.Of("Ein Import"), location);
            var source = FindCatalog(import, location, resources, available);
            frameworks.Add(source.Document.Framework);
            languages.Add(source.Document.Language);

            var selected = Select(import, location, source.Document, warnings);
            foreach (var group in GroupsFor(source.Document, selected))
            {
                // Two imports may take different controls from the same catalogue; the group is then shared.
                if (groupIds.Add(group.Id))
                {
                    groups.Add(group);
                }
            }

            foreach (var requirement in RequirementsFor(source.Document, selected))
            {
                if (!requirementSources.TryAdd(requirement.Id, source.FileName))
                {
                    throw new CatalogFormatException(
                        MessageText.Of("Die Anforderung „{0}“ wird mehrfach importiert (aus „{1}“ und „{2}“).", requirement.Id, requirementSources[requirement.Id], source.FileName),
                        CatalogLocations.Path(requirement.Id));
                }

                requirements.Add(requirement);
            }
        }

        WarnAboutUnsupported(profile, warnings);
        ApplySetParameters(profile, requirements, warnings);

        // The profile's texts are its catalogues' texts: their language when they agree, unless the profile says.
        var sourceLanguages = languages.Distinct(StringComparer.Ordinal).ToList();
        var language = CatalogLanguage.FromOscalMetadata(metadata, warnings)
            ?? (sourceLanguages is [{ } common] ? common : null);

        return new CatalogDocument
        {
            Format = CatalogFormat.OscalProfile,
            Framework = frameworks.Contains(CatalogFramework.GrundschutzPlusPlus) ? CatalogFramework.GrundschutzPlusPlus : frameworks[0],
            Title = title,
            Version = OscalJson.String(metadata, "version", MetadataPath) ?? "",
            OscalVersion = OscalJson.String(metadata, "oscal-version", MetadataPath),
            Published = OscalJson.String(metadata, "published", MetadataPath),
            Language = language,
            SourceUuid = OscalJson.String(profile, "uuid", ProfilePath),
            Groups = Renumber(groups),
            Requirements = Renumber(requirements),
            Warnings = warnings,
        };
    }

    private sealed record Resource(string? Title, List<string> Hrefs);

    private static Dictionary<string, Resource> ReadResources(JsonElement profile)
    {
        var result = new Dictionary<string, Resource>(StringComparer.OrdinalIgnoreCase);
        if (!OscalJson.TryObject(profile, "back-matter", ProfilePath, out var backMatter)
            || !OscalJson.TryArray(backMatter, "resources", CatalogLocations.Path("back-matter"), out var resources))
        {
            return result;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.ValueKind != JsonValueKind.Object || OscalJson.String(resource, "uuid", CatalogLocations.Path("back-matter")) is not { } uuid)
            {
                continue;
            }

            var hrefs = new List<string>();
            var where = CatalogLocations.Resource(uuid);
            if (OscalJson.TryArray(resource, "rlinks", where, out var rlinks))
            {
                foreach (var rlink in rlinks.EnumerateArray())
                {
                    if (rlink.ValueKind == JsonValueKind.Object && OscalJson.String(rlink, "href", where) is { Length: > 0 } href)
                    {
                        hrefs.Add(href);
                    }
                }
            }

            result[uuid] = new Resource(OscalJson.String(resource, "title", where), hrefs);
        }

        return result;
    }

    private static AvailableCatalog FindCatalog(
        JsonElement import,
        MessageText location,
        Dictionary<string, Resource> resources,
        IReadOnlyList<AvailableCatalog> available)
    {
        var href = OscalJson.String(import, "href", location);
        if (string.IsNullOrEmpty(href))
        {
            throw new CatalogFormatException(MessageText.Of("Ein Import des Profils hat kein Ziel (href)."), location);
        }

        List<string> hrefs;
        string? resourceTitle = null;
        if (href[0] == '#')
        {
            if (!resources.TryGetValue(href[1..], out var resource))
            {
                throw new CatalogFormatException(MessageText.Of("Das Profil importiert „{0}“, aber diese Ressource fehlt im back-matter.", href), CatalogLocations.Path(href));
            }

            hrefs = resource.Hrefs;
            resourceTitle = resource.Title;
        }
        else
        {
            hrefs = [href];
        }

        var names = hrefs.Select(FileNameOf).Where(static n => n.Length > 0).ToList();
        foreach (var name in names)
        {
            foreach (var candidate in available)
            {
                if (string.Equals(FileNameOf(candidate.FileName), name, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(resourceTitle))
        {
            foreach (var candidate in available)
            {
                if (string.Equals(candidate.Document.Title, resourceTitle.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
        }

        var shown = names.Count > 0 ? names[0] : resourceTitle ?? href;
        throw new CatalogFormatException(
            MessageText.Of("Das Profil importiert den Katalog „{0}“, der nicht importiert ist. Importieren Sie ihn zuerst oder im selben Aufruf.", shown),
            CatalogLocations.Path(href));
    }

    /// <summary>The last path segment of a relative path or URL, without query or fragment, unescaped.</summary>
    internal static string FileNameOf(string href)
    {
        var end = href.IndexOfAny(['?', '#']);
        var path = end >= 0 ? href[..end] : href;
        var slash = path.LastIndexOfAny(['/', '\\']);
        var name = slash >= 0 ? path[(slash + 1)..] : path;
        try
        {
            return Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    /// <summary>The ids the import selects from <paramref name="document"/>.</summary>
    private static HashSet<string> Select(JsonElement import, MessageText location, CatalogDocument document, List<MessageText> warnings)
    {
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in document.Requirements)
        {
            known.Add(requirement.Id);
            if (requirement.ParentId is not null)
            {
                if (!children.TryGetValue(requirement.ParentId, out var list))
                {
                    children[requirement.ParentId] = list = [];
                }

                list.Add(requirement.Id);
            }
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        var hasIncludeAll = import.TryGetProperty("include-all", out _);
        var hasInclude = OscalJson.TryArray(import, "include-controls", location, out var includes);
        if (hasIncludeAll || !hasInclude)
        {
            if (!hasIncludeAll)
            {
                warnings.Add(MessageText.Of("Import „{0}“: weder include-all noch include-controls angegeben; alle Anforderungen werden übernommen.", document.Title));
            }

            selected.UnionWith(known);
        }
        else
        {
            foreach (var include in includes.EnumerateArray())
            {
                OscalJson.RequireObject(include, MessageText.Of("Eine Auswahl (include-controls)"), location);
                selected.UnionWith(Matches(include, location, document, known, children, warnings));
            }
        }

        if (OscalJson.TryArray(import, "exclude-controls", location, out var excludes))
        {
            foreach (var exclude in excludes.EnumerateArray())
            {
                OscalJson.RequireObject(exclude, MessageText.Of("Eine Auswahl (exclude-controls)"), location);
                selected.ExceptWith(Matches(exclude, location, document, known, children, warnings));
            }
        }

        return selected;
    }

    private static HashSet<string> Matches(
        JsonElement selector,
        MessageText location,
        CatalogDocument document,
        HashSet<string> known,
        Dictionary<string, List<string>> children,
        List<MessageText> warnings)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in OscalJson.Strings(selector, "with-ids", location))
        {
            if (known.Contains(id))
            {
                result.Add(id);
            }
            else
            {
                warnings.Add(MessageText.Of("Das Profil wählt „{0}“ aus, das im Katalog „{1}“ nicht vorkommt.", id, document.Title));
            }
        }

        if (OscalJson.TryArray(selector, "matching", location, out var matching))
        {
            foreach (var match in matching.EnumerateArray())
            {
                if (match.ValueKind == JsonValueKind.Object && OscalJson.String(match, "pattern", location) is { Length: > 0 } pattern)
                {
                    var regex = GlobToRegex(pattern);
                    result.UnionWith(known.Where(id => regex.IsMatch(id)));
                }
            }
        }

        // OSCAL's default is "no": only the named controls, not their enhancements.
        if (OscalJson.String(selector, "with-child-controls", location) == "yes")
        {
            var stack = new Stack<string>(result);
            while (stack.Count > 0)
            {
                if (children.TryGetValue(stack.Pop(), out var kids))
                {
                    foreach (var kid in kids)
                    {
                        if (result.Add(kid))
                        {
                            stack.Push(kid);
                        }
                    }
                }
            }
        }

        return result;
    }

    private static Regex GlobToRegex(string pattern) =>
        new(
            "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

    /// <summary>Groups holding a selected requirement, with all their ancestors, in source order.</summary>
    private static IEnumerable<CatalogGroup> GroupsFor(CatalogDocument document, HashSet<string> selected)
    {
        var byId = new Dictionary<string, CatalogGroup>(StringComparer.Ordinal);
        foreach (var group in document.Groups)
        {
            byId.TryAdd(group.Id, group);
        }

        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in document.Requirements)
        {
            if (!selected.Contains(requirement.Id))
            {
                continue;
            }

            for (var groupId = requirement.GroupId; groupId is not null && keep.Add(groupId);)
            {
                groupId = byId.TryGetValue(groupId, out var group) ? group.ParentId : null;
            }
        }

        return document.Groups.Where(g => keep.Contains(g.Id));
    }

    /// <summary>Selected requirements in source order; a child whose parent was left out hangs off its nearest selected ancestor.</summary>
    private static IEnumerable<Requirement> RequirementsFor(CatalogDocument document, HashSet<string> selected)
    {
        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var requirement in document.Requirements)
        {
            parentOf.TryAdd(requirement.Id, requirement.ParentId);
        }

        foreach (var requirement in document.Requirements)
        {
            if (!selected.Contains(requirement.Id))
            {
                continue;
            }

            var parent = requirement.ParentId;
            var guard = 0;
            while (parent is not null && !selected.Contains(parent) && guard++ < parentOf.Count)
            {
                parent = parentOf.GetValueOrDefault(parent);
            }

            yield return parent == requirement.ParentId ? requirement : requirement with { ParentId = parent };
        }
    }

    private static void WarnAboutUnsupported(JsonElement profile, List<MessageText> warnings)
    {
        if (OscalJson.TryObject(profile, "modify", ProfilePath, out var modify)
            && OscalJson.TryArray(modify, "alters", CatalogLocations.Path("modify"), out var alters)
            && alters.GetArrayLength() > 0)
        {
            warnings.Add(MessageText.Of("Das Profil ändert {0} Controls (modify.alters); diese Änderungen werden nicht übernommen.", alters.GetArrayLength()));
        }

        if (OscalJson.TryObject(profile, "merge", ProfilePath, out var merge)
            && (merge.TryGetProperty("flat", out _) || merge.TryGetProperty("custom", out _)))
        {
            warnings.Add(MessageText.Of("Das Profil verlangt eine andere Zusammenführung als „as-is“; die Gruppenstruktur der Kataloge wird beibehalten."));
        }
    }

    private static void ApplySetParameters(JsonElement profile, List<Requirement> requirements, List<MessageText> warnings)
    {
        if (!OscalJson.TryObject(profile, "modify", ProfilePath, out var modify)
            || !OscalJson.TryArray(modify, "set-parameters", CatalogLocations.Path("modify"), out var setParameters))
        {
            return;
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setParameter in setParameters.EnumerateArray())
        {
            OscalJson.RequireObject(setParameter, MessageText.Of("Ein set-parameters-Eintrag"), SetParametersPath);
            var id = OscalJson.String(setParameter, "param-id", SetParametersPath);
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            var text = OscalParameters.TextOf(setParameter, id, SetParametersPath);
            // A set-parameter without values or label changes nothing about the text.
            if (text != id)
            {
                overrides[id] = text;
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            var (statement, guidance) = OscalParameters.Templates(requirement);
            if (statement is null && guidance is null)
            {
                continue;
            }

            var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, text) in OscalParameters.RecordedParams(requirement))
            {
                recorded.TryAdd(id, text);
                if (overrides.ContainsKey(id))
                {
                    used.Add(id);
                }
            }

            requirements[i] = OscalParameters.Apply(
                requirement,
                statement,
                guidance,
                id => overrides.TryGetValue(id, out var text) ? text : recorded.GetValueOrDefault(id),
                warnings);
        }

        foreach (var id in overrides.Keys.Where(id => !used.Contains(id)))
        {
            warnings.Add(MessageText.Of("Das Profil setzt den Parameter „{0}“, der in keiner übernommenen Anforderung vorkommt.", id));
        }
    }

    /// <summary>Positions among siblings again, now that some siblings may be left out.</summary>
    private static List<CatalogGroup> Renumber(List<CatalogGroup> groups)
    {
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var key = groups[i].ParentId ?? "";
            var order = next.GetValueOrDefault(key);
            next[key] = order + 1;
            if (groups[i].Order != order)
            {
                groups[i] = groups[i] with { Order = order };
            }
        }

        return groups;
    }

    private static List<Requirement> Renumber(List<Requirement> requirements)
    {
        var next = new Dictionary<(string, string), int>();
        for (var i = 0; i < requirements.Count; i++)
        {
            var key = (requirements[i].GroupId, requirements[i].ParentId ?? "");
            var order = next.GetValueOrDefault(key);
            next[key] = order + 1;
            if (requirements[i].Order != order)
            {
                requirements[i] = requirements[i] with { Order = order };
            }
        }

        return requirements;
    }
}
