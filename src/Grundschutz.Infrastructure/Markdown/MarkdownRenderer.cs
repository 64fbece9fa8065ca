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
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = output.Length > 0;
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

        return output.ToString();
    }
}
