using System.Text.Json;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Mapping;

/// <summary>
/// Reads an OSCAL mapping-collection (JSON, model version 1.2.x) into <see cref="MappingCollectionDocument"/>.
/// Only what the migration needs is kept: per mapping the source/target resources and per map its sources, targets
/// and relationship. Malformed input throws <see cref="CatalogFormatException"/> with a German message.
/// </summary>
public static class MappingCollectionReader
{
    /// <summary>Reads the whole document (root object with <c>mapping-collection</c>).</summary>
    public static MappingCollectionDocument Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new CatalogFormatException(MessageText.Of("Die Datei ist kein gültiges JSON."), ex.LineNumber is { } line ? CatalogLocations.Line(line + 1) : null, ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("mapping-collection", out var collection)
                || collection.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogFormatException(MessageText.Of("Die Datei ist keine OSCAL-Mapping-Collection (es fehlt „mapping-collection“)."));
            }

            return ReadCollection(collection);
        }
    }

    private static MappingCollectionDocument ReadCollection(JsonElement collection)
    {
        if (!collection.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException(MessageText.Of("In der Mapping-Collection fehlt „metadata“."));
        }

        var title = Text(metadata, "title") ?? throw new CatalogFormatException(MessageText.Of("In der Mapping-Collection fehlt der Titel (metadata.title)."));
        var version = Text(metadata, "version") ?? throw new CatalogFormatException(MessageText.Of("In der Mapping-Collection fehlt die Version (metadata.version)."));
        if (!collection.TryGetProperty("mappings", out var mappings) || mappings.ValueKind != JsonValueKind.Array || mappings.GetArrayLength() == 0)
        {
            throw new CatalogFormatException(MessageText.Of("Die Mapping-Collection enthält keine Zuordnungen (mappings)."));
        }

        var sets = new List<MappingSet>();
        var index = 0;
        foreach (var mapping in mappings.EnumerateArray())
        {
            sets.Add(ReadSet(mapping, index++));
        }

        return new MappingCollectionDocument
        {
            Title = title,
            Version = version,
            OscalVersion = Text(metadata, "oscal-version"),
            Uuid = Text(collection, "uuid"),
            Sets = sets,
        };
    }

    private static MappingSet ReadSet(JsonElement mapping, int index)
    {
        var where = $"mappings[{index}]";
        var sourceHref = Text(Object(mapping, "source-resource", where), "href") ?? "";
        var target = Object(mapping, "target-resource", where);
        var targetHref = Text(target, "href") ?? "";
        string? targetTitle = null;
        if (target.TryGetProperty("props", out var props) && props.ValueKind == JsonValueKind.Array)
        {
            targetTitle = props.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && Text(p, "name") == "catalog_title")
                .Select(p => Text(p, "value"))
                .FirstOrDefault();
        }

        if (!mapping.TryGetProperty("maps", out var maps) || maps.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException(MessageText.Of("In {0} fehlt „{1}“.", where, "maps"));
        }

        var entries = new List<MappingEntry>();
        var position = 0;
        foreach (var map in maps.EnumerateArray())
        {
            var mapWhere = $"{where}.maps[{position++}]";
            var relationship = Text(map, "relationship") ?? throw new CatalogFormatException(MessageText.Of("In {0} fehlt „{1}“.", mapWhere, "relationship"));
            var sources = Ids(map, "sources", mapWhere);
            var targets = Ids(map, "targets", mapWhere);
            foreach (var source in sources)
            {
                foreach (var targetId in targets)
                {
                    entries.Add(new MappingEntry(source, MappingEntry.RequirementOf(source), targetId, relationship));
                }
            }
        }

        return new MappingSet(index, sourceHref, targetHref, targetTitle, entries);
    }

    private static List<string> Ids(JsonElement map, string name, string where)
    {
        if (!map.TryGetProperty(name, out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            throw new CatalogFormatException(MessageText.Of("In {0} fehlt „{1}“.", where, name));
        }

        var ids = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            ids.Add(Text(item, "id-ref") ?? throw new CatalogFormatException(MessageText.Of("In {0} fehlt „{1}“.", $"{where}.{name}", "id-ref")));
        }

        return ids;
    }

    private static JsonElement Object(JsonElement parent, string name, string where) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new CatalogFormatException(MessageText.Of("In {0} fehlt „{1}“.", where, name));

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
