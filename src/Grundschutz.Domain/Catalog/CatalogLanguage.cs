using System.Text.Json;
using System.Text.RegularExpressions;
using Grundschutz.Domain.Catalog.Oscal;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog;

/// <summary>
/// The language a catalogue's texts are written in, as a BCP 47 tag (<c>de</c>, <c>en</c>, <c>en-US</c>): the pages
/// mark titles, statements and guidance with it so that a screen reader reads them with the right voice (WCAG 3.1.2).
/// OSCAL has no field for it; a file may state it in <c>metadata.props</c> (<see cref="PropNames"/>), the Kompendium
/// in <c>xml:lang</c>.
/// </summary>
public static partial class CatalogLanguage
{
    /// <summary>German: the BSI publishes its catalogues in German, and every catalogue imported before the language was stored was the BSI's.</summary>
    public const string German = "de";

    /// <summary>Longest tag accepted (and stored); RFC 5646 asks implementations to support at least 35 characters.</summary>
    public const int MaxLength = 35;

    /// <summary>Names of a <c>metadata.props</c> entry that states the language, compared case-insensitively.</summary>
    public static readonly IReadOnlyList<string> PropNames = ["lang", "language", "xml:lang"];

    /// <summary>
    /// Normalises a well-formed BCP 47 tag (language, optional script, region, variants, extensions, private use):
    /// language lower case, script title case, region upper case (<c>EN-us</c> → <c>en-US</c>).
    /// </summary>
    /// <returns>False for anything else, e.g. "Deutsch", "de_DE", "" or a tag longer than <see cref="MaxLength"/>.</returns>
    public static bool TryNormalize(string? value, out string tag)
    {
        tag = "";
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || !TagPattern().IsMatch(trimmed))
        {
            return false;
        }

        var parts = trimmed.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 1)
            {
                // Extensions and private use: the rest stays lower case.
                for (var j = i; j < parts.Length; j++)
                {
                    parts[j] = parts[j].ToLowerInvariant();
                }

                break;
            }

            parts[i] = part.Length switch
            {
                2 when i <= 2 => part.ToUpperInvariant(),
                4 when i == 1 && char.IsLetter(part[0]) => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant(),
                _ => part.ToLowerInvariant(),
            };
        }

        tag = string.Join('-', parts);
        return true;
    }

    /// <summary>
    /// The language an OSCAL document's <c>metadata.props</c> state (a prop named <c>lang</c>, <c>language</c> or
    /// <c>xml:lang</c>), normalised; null when none does. An unusable value adds a warning and counts as none.
    /// </summary>
    internal static string? FromOscalMetadata(JsonElement metadata, List<MessageText> warnings)
    {
        if (metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("props"u8, out var props)
            || props.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var prop in props.EnumerateArray())
        {
            if (prop.ValueKind != JsonValueKind.Object
                || !prop.TryGetProperty("name"u8, out var name) || name.ValueKind != JsonValueKind.String
                || !PropNames.Contains(name.GetString()!, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = prop.TryGetProperty("value"u8, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (TryNormalize(value, out var tag))
            {
                return tag;
            }

            warnings.Add(MessageText.Of(
                "Die Sprachangabe „{0}“ in metadata.props ist kein gültiges Sprachkennzeichen (BCP 47, z. B. „de“ oder „en“); sie wurde nicht übernommen.",
                OscalJson.NormalizeSpace(value)));
        }

        return null;
    }

    /// <summary>The Kompendium's <c>xml:lang</c>, normalised; German when it has none (the BSI publishes it in German).</summary>
    internal static string FromKompendium(string? xmlLang, List<MessageText> warnings)
    {
        if (string.IsNullOrWhiteSpace(xmlLang))
        {
            return German;
        }

        if (TryNormalize(xmlLang, out var tag))
        {
            return tag;
        }

        warnings.Add(MessageText.Of(
            "Die Sprachangabe „{0}“ (xml:lang) ist kein gültiges Sprachkennzeichen (BCP 47); die Texte wurden als Deutsch übernommen.",
            xmlLang.Trim()));
        return German;
    }

    // RFC 5646 langtag without extlang and without the grandfathered/irregular tags: language, script, region,
    // variants, extensions, private use.
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
