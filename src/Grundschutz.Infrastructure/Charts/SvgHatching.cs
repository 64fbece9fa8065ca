using System.Globalization;
using System.Xml.Linq;

namespace Grundschutz.Infrastructure.Charts;

/// <summary>
/// Puts the hatching back into ScottPlot's SVG. ScottPlot 5 draws hatched bars through SkiaSharp's SVG canvas, which
/// drops the hatch shader and leaves only the plain fill colour; the PNG keeps it. Without the stripes the two series
/// differ only by colour, which black-and-white print and colour-blind readers may not tell apart. This adds one
/// <c>&lt;pattern&gt;</c> (diagonal stripes in the hatch colour on the series colour, as in the PNG) and points every
/// shape filled with the hatched series' colour at it — the bars and the legend swatch.
/// </summary>
public static class SvgHatching
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The id of the pattern element added for <paramref name="fill"/>.</summary>
    public static string PatternId(string fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return "schraffur-" + fill.TrimStart('#').ToLowerInvariant();
    }

    /// <summary>
    /// The SVG with every shape filled with <paramref name="fill"/> (<c>#RRGGBB</c>, case-insensitive) filled with
    /// diagonal <paramref name="stripe"/> stripes on <paramref name="fill"/> instead; unchanged when no shape has that fill.
    /// </summary>
    public static string Apply(string svg, string fill, string stripe)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(stripe);
        var document = XDocument.Parse(svg, LoadOptions.PreserveWhitespace);
        var root = document.Root ?? throw new FormatException("SVG without a root element.");
        var id = PatternId(fill);
        var filled = root.Descendants()
            .Where(e => e.Name.LocalName != "pattern" && string.Equals((string?)e.Attribute("fill"), fill, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (filled.Count == 0)
        {
            return svg;
        }

        foreach (var element in filled)
        {
            element.SetAttributeValue("fill", $"url(#{id})");
        }

        // 10 px period with a 4 px stripe, turned by 45° so the stripes run like „/“ — the look of ScottPlot's Striped hatch.
        const int Size = 10;
        var pattern = new XElement(
            Svg + "pattern",
            new XAttribute("id", id),
            new XAttribute("patternUnits", "userSpaceOnUse"),
            new XAttribute("width", Size.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("height", Size.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("patternTransform", "rotate(45)"),
            new XElement(Svg + "rect", new XAttribute("width", Size), new XAttribute("height", Size), new XAttribute("fill", fill)),
            new XElement(Svg + "rect", new XAttribute("width", 4), new XAttribute("height", Size), new XAttribute("fill", stripe)));
        root.AddFirst(new XElement(Svg + "defs", pattern));

        var declaration = document.Declaration?.ToString();
        var markup = root.ToString(SaveOptions.DisableFormatting);
        return declaration is null ? markup : declaration + "\n" + markup;
    }
}
