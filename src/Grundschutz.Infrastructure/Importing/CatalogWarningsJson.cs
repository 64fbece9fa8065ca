using System.Text.Json;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Importing;

/// <summary>
/// The warnings of a catalogue import as stored in <see cref="Persistence.Catalog.StoredCatalogVersion.WarningsJson"/>:
/// a JSON array of messages in the form of <see cref="MessageTextJsonConverter"/> (format and arguments), so that the
/// pages can show them in the reader's language. Versions imported before the warnings were kept as messages hold an
/// array of finished German strings; those are read as verbatim texts (shown as they are in every language), so no
/// stored row needs to be rewritten.
/// </summary>
public static class CatalogWarningsJson
{
    /// <summary>The warnings as a JSON array of messages.</summary>
    public static string Write(IReadOnlyList<MessageText> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        return JsonSerializer.Serialize(warnings);
    }

    /// <summary>The stored warnings: messages, or verbatim texts for the plain strings of older rows.</summary>
    /// <exception cref="JsonException">The text is not an array of strings and messages.</exception>
    public static IReadOnlyList<MessageText> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The stored warnings are not a JSON array.");
        }

        var warnings = new List<MessageText>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            warnings.Add(item.ValueKind switch
            {
                JsonValueKind.String => MessageText.Verbatim(item.GetString()!),
                JsonValueKind.Object => item.Deserialize<MessageText>()!,
                _ => throw new JsonException("A stored warning is neither a text nor a message."),
            });
        }

        return warnings;
    }
}
