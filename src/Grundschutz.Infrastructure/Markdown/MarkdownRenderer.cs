using System.Text;
using Markdig;

namespace Grundschutz.Infrastructure.Markdown;

/// <summary>
/// The one Markdown pipeline of the application: Markdig with the advanced extensions (tables, auto identifiers,
/// …) and raw HTML disabled, so that nothing typed into a Markdown source becomes HTML markup. Combined with
/// <see cref="Escape"/> for every user-provided text inserted into a template, user text always renders as literal
/// text: no emphasis, links, images or HTML.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>How many rows <see cref="WriteTableAsync"/> renders at a time.</summary>
    public const int TableRowsPerChunk = 100;

    /// <summary>The pipeline (immutable and thread-safe).</summary>
    public MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>Markdown to an HTML fragment.</summary>
    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Markdig.Markdown.ToHtml(markdown, Pipeline);
    }

    /// <summary>Fills <paramref name="template"/> (see <see cref="MarkdownTemplate"/>) and renders the result to HTML.</summary>
    public string RenderTemplate(string template, TemplateModel model, string name = "template") =>
        ToHtml(MarkdownTemplate.Parse(template, name).Render(model));

    /// <summary>
    /// Escapes plain text for use inside a Markdown line (paragraph, heading, table cell, list item): every ASCII
    /// punctuation or symbol character gets a backslash (CommonMark allows that for all of them, and it also defuses
    /// the extensions' markers such as <c>|</c>, <c>$</c>, <c>~</c>, <c>:</c> and bare <c>http://</c> or <c>www.</c>
    /// autolinks), line breaks, tabs and other control characters become single spaces, and leading and trailing
    /// white space is dropped — so the text cannot start a new line, let alone a heading, list, quote or table row.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var output = new StringBuilder(text.Length + 16);
        AppendEscaped(output, text);
        return output.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped as by <see cref="Escape"/> to <paramref name="output"/>.</summary>
    public static StringBuilder AppendEscaped(StringBuilder output, string? text)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(text))
        {
            return output;
        }

        var start = output.Length;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = output.Length > start;
                continue;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                pendingSpace = false;
            }

            if (c <= '\u007f' && (char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                output.Append('\\');
            }

            output.Append(c);
        }

        return output;
    }

    /// <summary>
    /// Writes the HTML of a pipe table with <paramref name="headers"/> and the cells of <paramref name="rows"/> (plain
    /// text, escaped here like <see cref="Escape"/>) to <paramref name="output"/> – exactly what <see cref="ToHtml"/>
    /// renders for the whole table – while holding only <see cref="TableRowsPerChunk"/> rows at a time, so memory does
    /// not grow with the number of rows. Returns the number of rows; writes nothing when there are none.
    /// </summary>
    /// <remarks>
    /// Markdig needs the whole source in memory and builds a syntax tree of it, which for a table of tens of thousands
    /// of rows takes a gigabyte. The rows of a pipe table do not depend on each other, only on the header and
    /// delimiter lines, so each chunk is rendered as a table of its own with the same header and the chunks' row markup
    /// is joined: the first chunk's table start (up to its last row), the rows of every further chunk, and the last
    /// chunk's table end. The cuts are found at the renderer's own <c>&lt;tbody&gt;</c>, <c>&lt;tr</c> and
    /// <c>&lt;/tbody&gt;</c> tags; no text can produce those, as the pipeline writes every <c>&lt;</c> of the source
    /// as <c>&amp;lt;</c> (raw HTML is disabled).
    /// </remarks>
    public async Task<int> WriteTableAsync(
        TextWriter output,
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var head = new StringBuilder("|");
        foreach (var header in headers)
        {
            AppendEscaped(head.Append(' '), header).Append(" |");
        }

        head.Append("\n|");
        foreach (var _ in headers)
        {
            head.Append(" --- |");
        }

        head.Append('\n');
        var chunk = new StringBuilder();
        var inChunk = 0;
        var count = 0;
        string? end = null;

        async Task FlushAsync()
        {
            var html = ToHtml(chunk.ToString());
            var body = html.IndexOf("<tbody>", StringComparison.Ordinal);
            var first = body < 0 ? -1 : html.IndexOf("<tr", body, StringComparison.Ordinal);
            var last = html.LastIndexOf("</tbody>", StringComparison.Ordinal);
            if (first < 0 || last < first)
            {
                throw new InvalidOperationException("The pipeline rendered a table without the expected <tbody> and <tr> tags; the chunks cannot be joined.");
            }

            var from = end is null ? 0 : first;
            await output.WriteAsync(html.AsMemory(from, last - from), cancellationToken);
            end = html[last..];
            inChunk = 0;
        }

        foreach (var row in rows)
        {
            if (inChunk == 0)
            {
                chunk.Clear().Append(head);
            }

            chunk.Append('|');
            foreach (var cell in row)
            {
                AppendEscaped(chunk.Append(' '), cell).Append(" |");
            }

            chunk.Append('\n');
            count++;
            if (++inChunk == TableRowsPerChunk)
            {
                await FlushAsync();
            }
        }

        if (inChunk > 0)
        {
            await FlushAsync();
        }

        if (end is not null)
        {
            await output.WriteAsync(end.AsMemory(), cancellationToken);
        }

        return count;
    }
}
