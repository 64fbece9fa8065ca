using Grundschutz.Infrastructure.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grundschutz.Web.Pages.Hilfe;

/// <summary>
/// „Wie wird das berechnet?“: docs/scoring.md (folder from <c>Reports:DocsDirectory</c>) rendered through the one
/// Markdown pipeline (raw HTML disabled). Open to everyone: it explains rules, it shows no data.
/// </summary>
public sealed class BerechnungModel(MarkdownRenderer markdown, ReportTemplates templates) : PageModel
{
    public IHtmlContent Document { get; private set; } = HtmlString.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var source = await templates.ReadDocumentAsync(ReportTemplates.ScoringDocument, cancellationToken);
        Document = new HtmlString(markdown.ToHtml(source));
    }
}
