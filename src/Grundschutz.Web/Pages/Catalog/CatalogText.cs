using System.Globalization;
using System.Text.Encodings.Web;

using Grundschutz.Domain.Catalog;

using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>
/// Display helpers shared by the catalogue pages. Methods returning "keys" return the German resource key;
/// the views pass it through the localizer.
/// </summary>
internal static class CatalogText
{
    private static readonly TimeZoneInfo Berlin = FindBerlin();

    /// <summary>The import time in German local time, formatted for the current culture (de-DE by default).</summary>
    public static string Timestamp(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Berlin).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Machine-readable form for the datetime attribute of &lt;time&gt;.</summary>
    public static string IsoTimestamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"Basis", "Standard", "erhöhter Schutzbedarf".</summary>
    public static string LevelKey(RequirementLevel level) => level switch
    {
        RequirementLevel.Basis => "Basis",
        RequirementLevel.Standard => "Standard",
        _ => "erhöhter Schutzbedarf",
    };

    /// <summary>The letter the Kompendium uses: B, S, H.</summary>
    public static string LevelLetter(RequirementLevel level) => level switch
    {
        RequirementLevel.Basis => "B",
        RequirementLevel.Standard => "S",
        _ => "H",
    };

    /// <summary>Parses B/S/H or the enum name (Basis/Standard/Hoch), case-insensitive; null when empty or unknown.</summary>
    public static RequirementLevel? ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "B" or "BASIS" => RequirementLevel.Basis,
        "S" or "STANDARD" => RequirementLevel.Standard,
        "H" or "HOCH" => RequirementLevel.Hoch,
        _ => null,
    };

    /// <summary>Meaning of a Grundschutz++ sec_level value (namespaces/security_level.csv), or null when unknown.</summary>
    public static string? SecLevelKey(string? secLevel) => secLevel switch
    {
        "normal-SdT" => "Standard-Sicherheitsstufe",
        "erhöht" => "Erhöhte Sicherheitsstufe",
        _ => null,
    };

    /// <summary>Short meaning of a Grundschutz++ effort_level (namespaces/effort_level.csv).</summary>
    public static string EffortKey(int effort) => effort switch
    {
        0 => "nicht bewertet, zwingend erforderlich",
        1 => "am selben Tag, wenig Aufwand",
        2 => "innerhalb einer Woche",
        3 => "mehrere Wochen bis Monate",
        4 => "längerfristig, Expertenwissen",
        5 => "aufwändig und komplex",
        _ => "unbekannt",
    };

    /// <summary>"Kompendium (XML)", "OSCAL-Katalog", "OSCAL-Profil".</summary>
    public static string FormatKey(CatalogFormat format) => format switch
    {
        CatalogFormat.KompendiumXml => "Kompendium (XML)",
        CatalogFormat.OscalCatalog => "OSCAL-Katalog",
        _ => "OSCAL-Profil",
    };

    /// <summary>"Schicht", "Baustein", "Praktik", "Thema", "Gruppe".</summary>
    public static string GroupKindKey(GroupKind kind) => kind switch
    {
        GroupKind.Layer => "Schicht",
        GroupKind.Module => "Baustein",
        GroupKind.Practice => "Praktik",
        GroupKind.Topic => "Thema",
        _ => "Gruppe",
    };

    /// <summary>"12 Anforderungen, davon 2 entfallen": the count as text, so that it does not depend on styling.</summary>
    public static string RequirementCount(IStringLocalizer t, int total, int withdrawn)
    {
        var text = total == 1 ? t["1 Anforderung"].Value : t["{0} Anforderungen", total.ToString("N0", CultureInfo.CurrentCulture)].Value;
        return withdrawn > 0 ? text + ", " + t["davon {0} entfallen", withdrawn.ToString("N0", CultureInfo.CurrentCulture)].Value : text;
    }

    /// <summary>
    /// A catalogue's version for people: Grundschutz++ files carry a build timestamp as their version
    /// („2026-07-29T06:41:35.985975+00:00“), shown as „Stand 29.07.2026“; any other version text stays as it is.
    /// </summary>
    public static string VersionLabel(IStringLocalizer t, string version)
    {
        if (version.Length >= 19 && version[4] == '-' && version[10] == 'T'
            && DateTimeOffset.TryParse(version, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return t["Stand {0}", stamp.UtcDateTime.ToString("d", CultureInfo.CurrentCulture)].Value;
        }

        return version;
    }

    /// <summary>The start of a statement for result lists, cut at a word boundary.</summary>
    public static string Snippet(string? text, int maxLength = 220)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', maxLength);
        return string.Concat(flat.AsSpan(0, cut > maxLength / 2 ? cut : maxLength), " …");
    }

    /// <summary>„Deutsch (de)“, „Englisch (en)“, or the tag itself for other languages.</summary>
    public static string LanguageName(IStringLocalizer t, string tag)
    {
        var primary = tag.Split('-')[0];
        var name = primary switch
        {
            "de" => t["Deutsch"].Value,
            "en" => t["Englisch"].Value,
            _ => null,
        };
        return name is null ? tag : $"{name} ({tag})";
    }

    /// <summary>
    /// A translated sentence with catalogue texts in it („Übersicht: {0} {1}“): the sentence in the page's language,
    /// each <see cref="InLanguage"/> argument as a <c>span.catalog-title</c> with its own <c>lang</c> (WCAG 3.1.2),
    /// everything HTML-encoded.
    /// </summary>
    public static IHtmlContent Sentence(IStringLocalizer t, string key, params object?[] args)
    {
        var encoder = HtmlEncoder.Default;
        var parts = args.Select(arg => arg switch
        {
            InLanguage text => $"<span class=\"catalog-title\" lang=\"{encoder.Encode(text.Language)}\">{encoder.Encode(text.Text)}</span>",
            IFormattable formattable => encoder.Encode(formattable.ToString(null, CultureInfo.CurrentCulture)),
            _ => encoder.Encode(arg?.ToString() ?? ""),
        }).ToArray<object?>();

        // Encoding leaves the placeholders ({0}) as they are.
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, encoder.Encode(t[key].Value), parts));
    }

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // No time zone data on the host: show UTC rather than fail.
            return TimeZoneInfo.Utc;
        }
    }
}
