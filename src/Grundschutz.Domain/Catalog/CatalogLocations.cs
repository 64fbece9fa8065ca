using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog;

/// <summary>Locations in a catalogue file for <see cref="CatalogFormatException.Where"/>, translatable.</summary>
internal static class CatalogLocations
{
    /// <summary>"Zeile 12".</summary>
    public static MessageText Line(long line) => MessageText.Of("Zeile {0}", line);

    /// <summary>"Zeile 12, Position 5".</summary>
    public static MessageText LineAndPosition(long line, long position) => MessageText.Of("Zeile {0}, Position {1}", line, position);

    /// <summary>"Gruppe SYS" (an OSCAL group by id).</summary>
    public static MessageText Group(string? id) => MessageText.Of("Gruppe {0}", id ?? "");

    /// <summary>"Control ASST.1.1" (an OSCAL control by id).</summary>
    public static MessageText Control(string? id) => MessageText.Of("Control {0}", id ?? "");

    /// <summary>"Ressource 1234…" (a back-matter resource by uuid).</summary>
    public static MessageText Resource(string uuid) => MessageText.Of("Ressource {0}", uuid);

    /// <summary>A JSON path or an id, the same in every language.</summary>
    public static MessageText Path(string path) => MessageText.Verbatim(path);
}
