using System.Globalization;
using Grundschutz.Infrastructure.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grundschutz.Web.Pages.Hilfe;

/// <summary>
/// „Wie wird das berechnet?“: docs/scoring.md (folder from <c>Reports:DocsDirectory</c>) rendered through the one
/// Markdown pipeline (raw HTML disabled); in the English UI docs/scoring.en.md, if it exists (else the German one,
/// marked <c>lang="de"</c>). Open to everyone: it explains rules, it shows no data.
/// </summary>
public sealed class BerechnungModel(MarkdownRenderer markdown, ReportTemplates templates) : PageModel
{
    public IHtmlContent Document { get; private set; } = HtmlString.Empty;

    /// <summary>The language of the shown document („de“ or „en“), for the container's <c>lang</c>.</summary>
    public string Language { get; private set; } = "de";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = templates.ChooseDocument(ReportTemplates.ScoringDocument, CultureInfo.CurrentUICulture);
        var source = await templates.ReadDocumentAsync(document.FileName, cancellationToken);
        Language = document.Language;
        Document = new HtmlString(markdown.ToHtml(source));
    }
}
