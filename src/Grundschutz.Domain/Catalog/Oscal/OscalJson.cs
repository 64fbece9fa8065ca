using System.Text;
using System.Text.Json;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Oscal;

/// <summary>
/// Small accessors over <see cref="JsonElement"/> that turn a schema violation (a string where an
/// array belongs, …) into a <see cref="CatalogFormatException"/> with a location, instead of the
/// <see cref="InvalidOperationException"/> the raw API throws.
/// </summary>
internal static class OscalJson
{
    private static readonly MessageText AProp = MessageText.Of("Eine Eigenschaft (prop)");

    /// <summary>The string property <paramref name="name"/>, or null when absent or JSON null.</summary>
    public static string? String(JsonElement obj, string name, MessageText location)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            // Lenient on purpose: a number where a string belongs still carries the intended text.
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new CatalogFormatException(MessageText.Of("„{0}“ muss ein Text sein.", name), location),
        };
    }

    /// <summary><see cref="String(JsonElement, string, MessageText)"/> for a member already found (null: absent).</summary>
    private static string? String(JsonElement? member, string name, MessageText location) =>
        member is not { } value
            ? null
            : value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => throw new CatalogFormatException(MessageText.Of("„{0}“ muss ein Text sein.", name), location),
            };

    /// <summary><see cref="PooledString(JsonElement, string, MessageText, StringPool)"/> for a member already found (null: absent).</summary>
    private static string? PooledString(JsonElement? member, string name, MessageText location, StringPool pool) =>
        member is { ValueKind: JsonValueKind.String } value ? pool.Get(value) : String(member, name, location);

    /// <summary><see cref="String(JsonElement, string, MessageText)"/> with the name also in UTF-8 (no transcoding per lookup).</summary>
    public static string? String(JsonElement obj, ReadOnlySpan<byte> utf8Name, string name, MessageText location) =>
        obj.TryGetProperty(utf8Name, out var value) ? String((JsonElement?)value, name, location) : null;

    /// <summary>
    /// <see cref="TryArray(JsonElement, string, MessageText, out JsonElement)"/> with the name also in UTF-8
    /// (no transcoding per lookup).
    /// </summary>
    public static bool TryArray(JsonElement obj, ReadOnlySpan<byte> utf8Name, string name, MessageText location, out JsonElement array)
    {
        if (!obj.TryGetProperty(utf8Name, out array) || array.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException(MessageText.Of("„{0}“ muss eine Liste sein.", name), location);
        }

        return true;
    }

    /// <summary>True and the array when <paramref name="name"/> is present; throws when it is not an array.</summary>
    public static bool TryArray(JsonElement obj, string name, MessageText location, out JsonElement array)
    {
        if (!obj.TryGetProperty(name, out array) || array.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException(MessageText.Of("„{0}“ muss eine Liste sein.", name), location);
        }

        return true;
    }

    /// <summary>True and the object when <paramref name="name"/> is present; throws when it is not an object.</summary>
    public static bool TryObject(JsonElement obj, string name, MessageText location, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException(MessageText.Of("„{0}“ muss ein Objekt sein.", name), location);
        }

        return true;
    }

    /// <summary>Throws unless <paramref name="element"/> is an object (array items, the model root).</summary>
    public static void RequireObject(JsonElement element, MessageText what, MessageText location)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException(MessageText.Of("{0} muss ein JSON-Objekt sein.", what), location);
        }
    }

    /// <summary>The strings of an array property (non-strings are skipped).</summary>
    public static List<string> Strings(JsonElement obj, string name, MessageText location)
    {
        var result = new List<string>();
        if (TryArray(obj, name, location, out var array))
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    result.Add(item.GetString()!);
                }
            }
        }

        return result;
    }

    /// <summary>Like <see cref="String(JsonElement, string, MessageText)"/>, but short values come from <paramref name="pool"/>.</summary>
    public static string? PooledString(JsonElement obj, string name, MessageText location, StringPool pool) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? pool.Get(value)
            : String(obj, name, location);

    /// <summary>Reads the <c>props</c> array of an OSCAL object into <paramref name="into"/>, verbatim.</summary>
    public static void ReadProps(JsonElement owner, List<CatalogProperty> into, MessageText location, List<MessageText> warnings, StringPool pool)
    {
        if (!TryArray(owner, "props"u8, "props", location, out var props))
        {
            return;
        }

        foreach (var prop in props.EnumerateArray())
        {
            RequireObject(prop, AProp, location);

            // One pass over the prop's members instead of one search per member; the last of
            // repeated members wins, as with TryGetProperty.
            JsonElement? nameValue = null, valueValue = null, nsValue = null, remarksValue = null;
            foreach (var member in prop.EnumerateObject())
            {
                if (member.NameEquals("name"u8))
                {
                    nameValue = member.Value;
                }
                else if (member.NameEquals("value"u8))
                {
                    valueValue = member.Value;
                }
                else if (member.NameEquals("ns"u8))
                {
                    nsValue = member.Value;
                }
                else if (member.NameEquals("remarks"u8))
                {
                    remarksValue = member.Value;
                }
            }

            var name = PooledString(nameValue, "name", location, pool);
            if (string.IsNullOrEmpty(name))
            {
                // The schema requires a name; a nameless prop cannot be interpreted, but the rest of the file can.
                warnings.Add(MessageText.Of("{0}: Eine Eigenschaft ohne Namen wurde übersprungen.", location));
                continue;
            }

            into.Add(new CatalogProperty(
                name,
                PooledString(valueValue, "value", location, pool) ?? "",
                PooledString(nsValue, "ns", location, pool),
                String(remarksValue, "remarks", location)));
        }
    }

    /// <summary>Collapses runs of white space to one space and trims (titles are single-line markup).</summary>
    public static string NormalizeSpace(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var needsWork = char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);
        for (var i = 0; !needsWork && i < text.Length; i++)
        {
            var c = text[i];
            needsWork = (c != ' ' && char.IsWhiteSpace(c)) || (c == ' ' && i + 1 < text.Length && text[i + 1] == ' ');
        }

        if (!needsWork)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Splits a comma-separated prop value into trimmed, non-empty items.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
