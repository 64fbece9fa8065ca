using System.Xml.Linq;

namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// Turns DocBook content into plain text: inline markup (emphasis, links) is flattened, source line
/// breaks and runs of white space become one space, <c>&lt;?linebreak?&gt;</c> becomes a newline,
/// paragraphs are separated by a blank line and list items start with "- " (ordered: "1. ").
/// </summary>
internal static class DocBookText
{
    /// <summary>The DocBook 5 namespace.</summary>
    public static readonly XNamespace Ns = "http://docbook.org/ns/docbook";

    // Names are resolved once: XNamespace + string looks the name up in a table on every call.
    public static readonly XName Book = Ns + "book";
    public static readonly XName Info = Ns + "info";
    public static readonly XName Chapter = Ns + "chapter";
    public static readonly XName Section = Ns + "section";
    public static readonly XName Title = Ns + "title";
    public static readonly XName Para = Ns + "para";
    public static readonly XName ListItem = Ns + "listitem";
    public static readonly XName InformalTable = Ns + "informaltable";
    public static readonly XName Table = Ns + "table";
    public static readonly XName Row = Ns + "tr";
    public static readonly XName Cell = Ns + "td";

    /// <summary>The whitespace-normalised text of an element's title child, or "" when it has none.</summary>
    public static string TitleOf(XElement element)
    {
        var title = element.Element(Title);
        return title is null ? "" : Inline(title, keepLineBreaks: false);
    }

    /// <summary>
    /// The text of one element with all inline markup flattened. With <paramref name="keepLineBreaks"/>
    /// a <c>&lt;?linebreak?&gt;</c> becomes '\n', otherwise a space; all other white space (including
    /// no-break spaces and the file's CRLF) collapses to single spaces. Soft hyphens are kept.
    /// </summary>
    public static string Inline(XElement element, bool keepLineBreaks)
    {
        var text = new TidyText();
        AppendInline(element, ref text, keepLineBreaks);
        return text.ToString();
    }

    /// <summary>Collapses every run of white space (including U+00A0) to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var tidy = new TidyText();
        tidy.Append(text);
        return tidy.ToString();
    }

    /// <summary>
    /// The block content of <paramref name="container"/> (paragraphs, lists, anything else as a
    /// paragraph) joined by blank lines. Titles are left out; nested sections contribute their title
    /// as a paragraph of its own, followed by their content.
    /// </summary>
    public static string Blocks(XElement container)
    {
        var blocks = new List<string>();
        AppendBlocks(container, blocks);
        return string.Join("\n\n", blocks);
    }

    /// <summary>Appends the blocks of <paramref name="container"/> (see <see cref="Blocks"/>).</summary>
    public static void AppendBlocks(XElement container, List<string> blocks)
    {
        foreach (var child in container.Elements())
        {
            AppendBlock(child, blocks);
        }
    }

    /// <summary>Appends the block(s) one child element of a container stands for (see <see cref="Blocks"/>).</summary>
    public static void AppendBlock(XElement child, List<string> blocks)
    {
        switch (child.Name.LocalName)
        {
            case "title":
            case "info":
            case "colgroup":
                break;
            case "itemizedlist":
            case "orderedlist":
                AddIfNotEmpty(blocks, ListBlock(child));
                break;
            case "section":
                AddIfNotEmpty(blocks, TitleOf(child));
                AppendBlocks(child, blocks);
                break;
            case "informaltable":
            case "table":
                AddIfNotEmpty(blocks, TableBlock(child));
                break;
            default:
                // para, simpara and anything unexpected: keep the words rather than lose them.
                AddIfNotEmpty(blocks, Inline(child, keepLineBreaks: true));
                break;
        }
    }

    /// <summary>The cells of each table row, trimmed, in source order.</summary>
    public static IEnumerable<IReadOnlyList<string>> TableRows(XElement table) =>
        table.Descendants(Row)
            .Select(static row => (IReadOnlyList<string>)row.Elements(Cell)
                .Select(static cell => Inline(cell, keepLineBreaks: false))
                .ToArray());

    private static void AppendInline(XElement element, ref TidyText text, bool keepLineBreaks)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XProcessingInstruction { Target: "linebreak" }:
                    if (keepLineBreaks)
                    {
                        text.AppendLineBreak();
                    }
                    else
                    {
                        text.Append(" ");
                    }

                    break;
                case XElement child:
                    AppendInline(child, ref text, keepLineBreaks);
                    break;
            }
        }
    }

    private static string ListBlock(XElement list)
    {
        var ordered = list.Name.LocalName == "orderedlist";
        var lines = new List<string>();
        var number = 1;
        foreach (var item in list.Elements(ListItem))
        {
            var itemBlocks = new List<string>();
            AppendBlocks(item, itemBlocks);
            if (itemBlocks.Count == 0)
            {
                continue;
            }

            var marker = ordered ? $"{number++}. " : "- ";

            // Continuation lines (line breaks, further paragraphs, nested lists) are indented under
            // the item text so that the statement also reads correctly as Markdown.
            var continuation = "\n" + new string(' ', marker.Length);
            lines.Add(marker + string.Join("\n", itemBlocks).Replace("\n", continuation, StringComparison.Ordinal));
        }

        return string.Join("\n", lines);
    }

    private static string TableBlock(XElement table) =>
        string.Join("\n", TableRows(table)
            .Select(static cells => string.Join(" | ", cells))
            .Where(static line => line.Length > 0));

    /// <summary>Adds <paramref name="text"/> as a block unless it is empty.</summary>
    public static void AddIfNotEmpty(List<string> blocks, string text)
    {
        if (text.Length > 0)
        {
            blocks.Add(text);
        }
    }
}
