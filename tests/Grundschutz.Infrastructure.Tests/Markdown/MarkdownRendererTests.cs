using System.Text;
using Grundschutz.Infrastructure.Markdown;

namespace Grundschutz.Infrastructure.Tests.Markdown;

/// <summary>
/// <see cref="MarkdownRenderer.WriteTableAsync"/> renders a table a chunk of rows at a time; the result must be the
/// HTML the pipeline renders for the whole table as one Markdown source, whatever the number of rows.
/// </summary>
public sealed class MarkdownRendererTests
{
    private static readonly string[] Headers = ["Zielobjekt", "Begründung | mit Strich", "*Umsetzung*"];

    private static readonly string?[] Texts =
    [
        "<script>alert(1)</script>",
        "a | b || c",
        "*fett* _kursiv_ `code` ~~weg~~",
        "C:\\Temp\\ und \\| und \\",
        "Zeile 1\nZeile 2\r\n\tZeile 3",
        "# keine Überschrift",
        "- kein Listenpunkt",
        "[Link](http://evil.example) www.evil.example <http://evil.example>",
        "<img src=x onerror=alert(1)>",
        "&amp; &lt; & < > \"",
        "| --- |",
        "",
        null,
        "   ",
        "Ärger über „Anführungszeichen“ – 😀",
    ];

    private static string?[] Row(int i) => [$"Zielobjekt {i % 7}", Texts[i % Texts.Length], Texts[(i * 5) % Texts.Length]];

    /// <summary>The whole table as one Markdown source, rendered at once (what the documents did before streaming).</summary>
    private static string WholeTable(MarkdownRenderer markdown, IReadOnlyList<string?[]> rows)
    {
        var md = new StringBuilder("|");
        foreach (var header in Headers)
        {
            md.Append(' ').Append(MarkdownRenderer.Escape(header)).Append(" |");
        }

        md.Append("\n|").Append(string.Concat(Enumerable.Repeat(" --- |", Headers.Length))).Append('\n');
        foreach (var row in rows)
        {
            md.Append('|');
            foreach (var cell in row)
            {
                md.Append(' ').Append(MarkdownRenderer.Escape(cell)).Append(" |");
            }

            md.Append('\n');
        }

        return markdown.ToHtml(md.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(MarkdownRenderer.TableRowsPerChunk - 1)]
    [InlineData(MarkdownRenderer.TableRowsPerChunk)]
    [InlineData(MarkdownRenderer.TableRowsPerChunk + 1)]
    [InlineData((3 * MarkdownRenderer.TableRowsPerChunk) + 17)]
    public async Task WriteTableAsync_AnyNumberOfRows_SameHtmlAsTheWholeTableRenderedAtOnce(int count)
    {
        var markdown = new MarkdownRenderer();
        var rows = Enumerable.Range(0, count).Select(Row).ToList();
        var output = new StringWriter { NewLine = "\n" };

        var written = await markdown.WriteTableAsync(output, Headers, rows, CancellationToken.None);

        Assert.Equal(count, written);
        var expected = WholeTable(markdown, rows);
        Assert.Contains("<tbody>", expected, StringComparison.Ordinal);
        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public async Task WriteTableAsync_NoRows_WritesNothing()
    {
        var output = new StringWriter();

        var written = await new MarkdownRenderer().WriteTableAsync(output, Headers, [], CancellationToken.None);

        Assert.Equal(0, written);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void AppendEscaped_AfterOtherText_SameAsEscape()
    {
        foreach (var text in Texts)
        {
            Assert.Equal(MarkdownRenderer.Escape(text), MarkdownRenderer.AppendEscaped(new StringBuilder("x"), text).ToString()[1..]);
        }
    }
}
