using System.Globalization;
using System.Text;
using System.Text.Json;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Oscal;

/// <summary>
/// Reads an OSCAL 1.x catalog (JSON) into a <see cref="CatalogDocument"/>: groups and controls at any
/// depth (nested controls become requirements with <see cref="Requirement.ParentId"/>), all props kept,
/// the Grundschutz++ props mapped onto their fields, parameters resolved in statement and guidance.
/// The result is not validated; <see cref="CatalogPipeline"/> does that.
/// </summary>
public static class OscalCatalogReader
{
    /// <summary>Id of the group that takes controls standing directly in the catalog (OSCAL allows that).</summary>
    public const string UngroupedGroupId = "_ungrouped";

    private static readonly MessageText CatalogPath = CatalogLocations.Path("catalog");
    private static readonly MessageText MetadataPath = CatalogLocations.Path("metadata");
    private static readonly MessageText GroupsPath = CatalogLocations.Path("catalog.groups");
    private static readonly MessageText GroupWithoutId = MessageText.Of("Gruppe");
    private static readonly MessageText AGroup = MessageText.Of("Eine Gruppe");
    private static readonly MessageText AControl = MessageText.Of("Ein Control");
    private static readonly MessageText AParameter = MessageText.Of("Ein Parameter");
    private static readonly MessageText APart = MessageText.Of("Ein Teil (part)");
    private static readonly MessageText ALink = MessageText.Of("Ein Verweis (link)");

    /// <summary>Reads the value of the root <c>catalog</c> property of an OSCAL catalog document.</summary>
    /// <param name="catalog">The <c>catalog</c> object.</param>
    /// <exception cref="CatalogFormatException">The structure does not match the OSCAL catalog model.</exception>
    public static CatalogDocument Read(JsonElement catalog)
    {
        OscalJson.RequireObject(catalog, MessageText.Of("„{0}“", "catalog"), CatalogPath);
        if (!OscalJson.TryObject(catalog, "metadata", CatalogPath, out var metadata))
        {
            throw new CatalogFormatException(MessageText.Of("Dem Katalog fehlen die Metadaten (metadata)."), CatalogLocations.Path("catalog.metadata"));
        }

        var title = OscalJson.NormalizeSpace(OscalJson.String(metadata, "title", MetadataPath));
        if (title.Length == 0)
        {
            throw new CatalogFormatException(MessageText.Of("Der Katalog hat keinen Titel (metadata.title)."), CatalogLocations.Path("metadata.title"));
        }

        var walker = new Walker(BackMatterResourceIds(catalog, CatalogLocations.Path("back-matter")));
        walker.ReadParams(catalog, CatalogPath);

        if (OscalJson.TryArray(catalog, "groups", CatalogPath, out var groups))
        {
            var order = 0;
            foreach (var group in groups.EnumerateArray())
            {
                walker.ReadGroup(group, null, 0, order++);
            }
        }

        if (OscalJson.TryArray(catalog, "controls", CatalogPath, out var controls) && controls.GetArrayLength() > 0)
        {
            // Requirement.GroupId is mandatory (browsing and storage hang off groups), so controls
            // outside any group get one synthetic group instead of being refused.
            walker.AddGroup(new CatalogGroup { Id = UngroupedGroupId, Title = "Ohne Gruppe", Kind = GroupKind.Group, Order = walker.TopLevelGroupCount }, 0);
            var order = 0;
            foreach (var control in controls.EnumerateArray())
            {
                walker.ReadControl(control, UngroupedGroupId, null, order++);
            }

            walker.Warnings.Add(order == 1
                ? MessageText.Of("1 Control steht ohne Gruppe im Katalog; es wurde der Gruppe „Ohne Gruppe“ zugeordnet.")
                : MessageText.Of("{0} Controls stehen ohne Gruppe im Katalog; sie wurden der Gruppe „Ohne Gruppe“ zugeordnet.", order));
        }

        walker.ResolvePending();
        var framework = walker.LooksLikeGrundschutzPlusPlus ? CatalogFramework.GrundschutzPlusPlus : CatalogFramework.Other;

        // The BSI's Grundschutz++ catalogues state no language but are German.
        var language = CatalogLanguage.FromOscalMetadata(metadata, walker.Warnings)
            ?? (framework == CatalogFramework.GrundschutzPlusPlus ? CatalogLanguage.German : null);

        return new CatalogDocument
        {
            Format = CatalogFormat.OscalCatalog,
            Framework = framework,
            Title = title,
            Version = OscalJson.String(metadata, "version", MetadataPath) ?? "",
            OscalVersion = OscalJson.String(metadata, "oscal-version", MetadataPath),
            Published = OscalJson.String(metadata, "published", MetadataPath),
            Language = language,
            SourceUuid = OscalJson.String(catalog, "uuid", CatalogPath),
            Groups = walker.FinishGroups(framework),
            Requirements = walker.Requirements,
            Warnings = walker.Warnings,
        };
    }

    /// <summary>The uuids of back-matter resources, so that "#uuid" links to them are not taken for control links.</summary>
    internal static HashSet<string> BackMatterResourceIds(JsonElement model, MessageText location)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (OscalJson.TryObject(model, "back-matter", location, out var backMatter)
            && OscalJson.TryArray(backMatter, "resources", location, out var resources))
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.ValueKind == JsonValueKind.Object && OscalJson.String(resource, "uuid", location) is { } uuid)
                {
                    ids.Add(uuid);
                }
            }
        }

        return ids;
    }

    /// <summary>Walks the tree once; requirements with placeholders are resolved at the end, when all params are known.</summary>
    private sealed class Walker(HashSet<string> resourceIds)
    {
        private const string BsiNamespaceMarker = "BSI-Bund/Stand-der-Technik-Bibliothek";

        private readonly List<CatalogGroup> _groups = [];
        private readonly List<int> _groupDepths = [];
        private readonly List<(int Index, string? Statement, string? Guidance)> _pending = [];
        private readonly Dictionary<string, string> _params = new(StringComparer.Ordinal);
        private readonly StringPool _pool = new();

        public List<Requirement> Requirements { get; } = new(1024);

        public List<MessageText> Warnings { get; } = [];

        public bool LooksLikeGrundschutzPlusPlus { get; private set; }

        public int TopLevelGroupCount { get; private set; }

        public void AddGroup(CatalogGroup group, int depth)
        {
            _groups.Add(group);
            _groupDepths.Add(depth);
            if (depth == 0)
            {
                TopLevelGroupCount++;
            }
        }

        public void ReadParams(JsonElement owner, MessageText location)
        {
            if (!OscalJson.TryArray(owner, "params"u8, "params", location, out var parameters))
            {
                return;
            }

            foreach (var param in parameters.EnumerateArray())
            {
                OscalJson.RequireObject(param, AParameter, location);
                var id = OscalJson.String(param, "id", location);
                if (string.IsNullOrEmpty(id))
                {
                    Warnings.Add(MessageText.Of("{0}: Ein Parameter ohne ID wurde übersprungen.", location));
                    continue;
                }

                // OSCAL param ids are unique per document; the first definition wins if a file repeats one.
                _params.TryAdd(id, OscalParameters.TextOf(param, id, location));
            }
        }

        public void ReadGroup(JsonElement group, string? parentId, int depth, int order)
        {
            OscalJson.RequireObject(group, AGroup, parentId is null ? GroupsPath : CatalogLocations.Group(parentId));
            var id = OscalJson.String(group, "id", GroupWithoutId) ?? "";
            var location = CatalogLocations.Group(id);
            ReadParams(group, location);

            var props = new List<CatalogProperty>();
            OscalJson.ReadProps(group, props, location, Warnings, _pool);
            NoteFramework(null, props);

            var labelProp = props.Find(static p => p.Name == "label");
            var description = labelProp?.Remarks;
            if (string.IsNullOrWhiteSpace(description) && OscalJson.TryArray(group, "parts", location, out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && OscalJson.String(part, "name", location) == "overview")
                    {
                        description = PartText(part, location);
                        break;
                    }
                }
            }

            AddGroup(
                new CatalogGroup
                {
                    Id = id,
                    Title = OscalJson.NormalizeSpace(OscalJson.String(group, "title", location)),
                    ParentId = parentId,
                    Kind = GroupKind.Group,
                    Order = order,
                    Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
                    Label = labelProp?.Value,
                    Props = props,
                },
                depth);

            if (OscalJson.TryArray(group, "groups", location, out var children))
            {
                var childOrder = 0;
                foreach (var child in children.EnumerateArray())
                {
                    ReadGroup(child, id, depth + 1, childOrder++);
                }
            }

            if (OscalJson.TryArray(group, "controls", location, out var controls))
            {
                var controlOrder = 0;
                foreach (var control in controls.EnumerateArray())
                {
                    ReadControl(control, id, null, controlOrder++);
                }
            }
        }

        public void ReadControl(JsonElement control, string groupId, string? parentId, int order)
        {
            var inGroup = CatalogLocations.Group(groupId);
            OscalJson.RequireObject(control, AControl, inGroup);
            var id = OscalJson.String(control, "id"u8, "id", inGroup) ?? "";
            var location = CatalogLocations.Control(id);
            var controlClass = OscalJson.PooledString(control, "class", location, _pool);
            ReadParams(control, location);

            var props = new List<CatalogProperty>(16);
            OscalJson.ReadProps(control, props, location, Warnings, _pool);

            string? statement = null;
            string? guidance = null;
            if (OscalJson.TryArray(control, "parts"u8, "parts", location, out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    OscalJson.RequireObject(part, APart, location);
                    var name = OscalJson.String(part, "name"u8, "name", location);
                    if (name == "statement" && statement is null)
                    {
                        statement = PartText(part, location) ?? "";
                        OscalJson.ReadProps(part, props, location, Warnings, _pool);
                    }
                    else if (name == "guidance" && guidance is null)
                    {
                        guidance = PartText(part, location);
                    }
                }
            }

            NoteFramework(controlClass, props);
            var links = ReadLinks(control, location, props);
            var requirement = MapProps(
                new Requirement
                {
                    Id = id,
                    Title = OscalJson.NormalizeSpace(OscalJson.String(control, "title"u8, "title", location)),
                    GroupId = groupId,
                    ParentId = parentId,
                    Order = order,
                    Class = controlClass,
                    Statement = statement ?? "",
                    Guidance = guidance,
                    Props = props,
                    Links = links,
                },
                props);

            var statementTemplate = OscalParameters.HasPlaceholder(statement) ? statement : null;
            var guidanceTemplate = OscalParameters.HasPlaceholder(guidance) ? guidance : null;
            if (statementTemplate is not null || guidanceTemplate is not null)
            {
                _pending.Add((Requirements.Count, statementTemplate, guidanceTemplate));
            }

            Requirements.Add(requirement);

            if (OscalJson.TryArray(control, "controls"u8, "controls", location, out var children))
            {
                var childOrder = 0;
                foreach (var child in children.EnumerateArray())
                {
                    ReadControl(child, groupId, id, childOrder++);
                }
            }
        }

        public void ResolvePending()
        {
            foreach (var (index, statement, guidance) in _pending)
            {
                Requirements[index] = OscalParameters.Apply(
                    Requirements[index],
                    statement,
                    guidance,
                    id => _params.GetValueOrDefault(id),
                    Warnings);
            }
        }

        public List<CatalogGroup> FinishGroups(CatalogFramework framework)
        {
            if (framework != CatalogFramework.GrundschutzPlusPlus)
            {
                return _groups;
            }

            // Grundschutz++: practice → topic. Anything deeper is not part of the published model.
            for (var i = 0; i < _groups.Count; i++)
            {
                var kind = _groupDepths[i] switch
                {
                    0 => GroupKind.Practice,
                    1 => GroupKind.Topic,
                    _ => GroupKind.Group,
                };
                if (_groups[i].Id != UngroupedGroupId)
                {
                    _groups[i] = _groups[i] with { Kind = kind };
                }
            }

            return _groups;
        }

        private Requirement MapProps(Requirement requirement, List<CatalogProperty> props)
        {
            string? secLevel = null, modalVerb = null, actionWord = null, result = null, documentation = null, altIdentifier = null, controlClass = requirement.Class;
            int? effortLevel = null;
            var effortSeen = false;
            IReadOnlyList<string> categories = [], tags = [];
            var withdrawn = false;

            // First occurrence wins: control props come before statement props in the list.
            foreach (var prop in props)
            {
                switch (prop.Name)
                {
                    case "sec_level":
                        secLevel ??= prop.Value;
                        break;
                    case "effort_level" when !effortSeen:
                        effortSeen = true;
                        if (int.TryParse(prop.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var effort))
                        {
                            effortLevel = effort;
                        }
                        else
                        {
                            Warnings.Add(MessageText.Of("Control {0}: effort_level „{1}“ ist keine ganze Zahl und wurde nicht übernommen.", requirement.Id, prop.Value));
                        }

                        break;
                    case "modal_verb":
                        modalVerb ??= prop.Value;
                        break;
                    case "action_word":
                        actionWord ??= prop.Value;
                        break;
                    case "result":
                        result ??= prop.Value;
                        break;
                    case "documentation":
                        documentation ??= prop.Value;
                        break;
                    case "target_object_categories" when categories.Count == 0:
                        categories = OscalJson.SplitList(prop.Value);
                        break;
                    case "tags" when tags.Count == 0:
                        tags = OscalJson.SplitList(prop.Value);
                        break;
                    case "alt-identifier":
                        altIdentifier ??= prop.Value;
                        break;
                    case "class":
                        controlClass ??= prop.Value;
                        break;
                    case "status" when string.Equals(prop.Value, "withdrawn", StringComparison.OrdinalIgnoreCase):
                        withdrawn = true;
                        break;
                }
            }

            return requirement with
            {
                SecLevel = secLevel,
                EffortLevel = effortLevel,
                ModalVerb = modalVerb,
                ActionWord = actionWord,
                Result = result,
                Documentation = documentation,
                TargetObjectCategories = categories,
                Tags = tags,
                AltIdentifier = altIdentifier,
                Class = controlClass,
                Withdrawn = withdrawn,
            };
        }

        private List<RequirementLink> ReadLinks(JsonElement control, MessageText location, List<CatalogProperty> props)
        {
            var links = new List<RequirementLink>();
            if (!OscalJson.TryArray(control, "links"u8, "links", location, out var array))
            {
                return links;
            }

            foreach (var link in array.EnumerateArray())
            {
                OscalJson.RequireObject(link, ALink, location);
                var href = OscalJson.String(link, "href", location);
                if (string.IsNullOrEmpty(href))
                {
                    continue;
                }

                var rel = OscalJson.PooledString(link, "rel", location, _pool);
                if (href.Length > 1 && href[0] == '#' && !resourceIds.Contains(href[1..]))
                {
                    links.Add(new RequirementLink(rel ?? RequirementLink.Related, href[1..]));
                }
                else
                {
                    // External or back-matter references are no requirement links, but they are not dropped either.
                    props.Add(new CatalogProperty(OscalImportProps.Link, href, OscalImportProps.Namespace, rel));
                }
            }

            return links;
        }

        private void NoteFramework(string? controlClass, List<CatalogProperty> props)
        {
            if (LooksLikeGrundschutzPlusPlus)
            {
                return;
            }

            if (controlClass is not null && controlClass.StartsWith("BSI-", StringComparison.Ordinal))
            {
                LooksLikeGrundschutzPlusPlus = true;
                return;
            }

            foreach (var prop in props)
            {
                if (prop.Name == "sec_level" || (prop.Ns is not null && prop.Ns.Contains(BsiNamespaceMarker, StringComparison.OrdinalIgnoreCase)))
                {
                    LooksLikeGrundschutzPlusPlus = true;
                    return;
                }
            }
        }

        /// <summary>
        /// The prose of a part and, line by line, of its sub-parts (e.g. statement items), each sub-part
        /// prefixed with its label prop ("a.") when it has one.
        /// </summary>
        private static string? PartText(JsonElement part, MessageText location)
        {
            var prose = OscalJson.String(part, "prose"u8, "prose", location);
            if (!OscalJson.TryArray(part, "parts"u8, "parts", location, out var subParts) || subParts.GetArrayLength() == 0)
            {
                return prose?.Trim();
            }

            var sb = new StringBuilder();
            if (!string.IsNullOrWhiteSpace(prose))
            {
                sb.Append(prose.Trim());
            }

            AppendSubParts(subParts, sb, location);
            return sb.Length == 0 ? null : sb.ToString();
        }

        private static void AppendSubParts(JsonElement subParts, StringBuilder sb, MessageText location)
        {
            foreach (var sub in subParts.EnumerateArray())
            {
                if (sub.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var prose = OscalJson.String(sub, "prose", location);
                if (!string.IsNullOrWhiteSpace(prose))
                {
                    if (sb.Length > 0)
                    {
                        sb.Append('\n');
                    }

                    if (LabelOf(sub, location) is { } label)
                    {
                        sb.Append(label).Append(' ');
                    }

                    sb.Append(prose.Trim());
                }

                if (OscalJson.TryArray(sub, "parts", location, out var deeper))
                {
                    AppendSubParts(deeper, sb, location);
                }
            }
        }

        private static string? LabelOf(JsonElement part, MessageText location)
        {
            if (OscalJson.TryArray(part, "props", location, out var props))
            {
                foreach (var prop in props.EnumerateArray())
                {
                    if (prop.ValueKind == JsonValueKind.Object && OscalJson.String(prop, "name", location) == "label")
                    {
                        return OscalJson.String(prop, "value", location);
                    }
                }
            }

            return null;
        }
    }
}
