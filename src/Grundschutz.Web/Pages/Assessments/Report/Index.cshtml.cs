using System.Text;
using Grundschutz.Infrastructure.Charts;
using Grundschutz.Infrastructure.Markdown;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments.Report;

/// <summary>
/// The assessment report: Umsetzungsgrad (strict, lenient labelled), coverage and freshness, both gates with the
/// exact blocking pairs, the Reifegrad profile, per layer and per module, the ranked action plan, the comparison with
/// the previous assessment and charts (alt text and table beside each). Charts are separate image responses of the
/// <c>Chart</c> handler (ScottPlot's SVG is not inlined, so the page keeps the strict style policy); the <c>Html</c>
/// handler downloads the same report as one self-contained HTML file. Every handler loads through
/// <see cref="AssessmentAccess.Visible"/>: another municipality's id finds nothing (404).
/// </summary>
[Authorize]
public sealed class IndexModel(
    GrundschutzDbContext db,
    AssessmentScoreService scores,
    ReportCharts charts,
    MarkdownRenderer markdown,
    ReportTemplates templates,
    IOptions<ReportsOptions> options,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public ReportView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var score = await ScoreAsync(id, cancellationToken);
        if (score is null)
        {
            return NotFound();
        }

        // The page in the reader's language; the download below stays German.
        View = ReportView.From(score, charts, options.Value.MaxListedItems, options.Value.ChartModules, m => DomainText.Of(t, m));
        return Page();
    }

    /// <summary>One chart as <c>image/svg+xml</c> (format svg, the default) or <c>image/png</c>.</summary>
    public async Task<IActionResult> OnGetChartAsync(Guid id, string? name, string? format, CancellationToken cancellationToken)
    {
        var score = await ScoreAsync(id, cancellationToken);
        if (score is null)
        {
            return NotFound();
        }

        // In the reader's language, like the page that shows it (the download draws its charts in German).
        var chart = charts.Find(name ?? "", score.Report, score.Catalog, options.Value.ChartModules, m => DomainText.Of(t, m));
        if (chart is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        if (string.Equals(format, "png", StringComparison.OrdinalIgnoreCase))
        {
            var png = charts.RenderPng(chart);
            return png is null ? NotFound() : File(png, "image/png");
        }

        var svg = charts.RenderSvg(chart);
        return svg is null ? NotFound() : File(Encoding.UTF8.GetBytes(svg), "image/svg+xml; charset=utf-8");
    }

    /// <summary>The report as one self-contained HTML file (A4 print styles, charts as PNG data URIs).</summary>
    public async Task<IActionResult> OnGetHtmlAsync(Guid id, CancellationToken cancellationToken)
    {
        var score = await ScoreAsync(id, cancellationToken);
        if (score is null)
        {
            return NotFound();
        }

        var view = ReportView.From(score, charts, options.Value.MaxListedItems, options.Value.ChartModules, ReportView.German);
        var (html, policy) = await new ReportDocument(markdown, templates, charts).RenderWithPolicyAsync(view, cancellationToken);
        // The response carries the file's own strict policy (SecurityHeadersMiddleware keeps a policy a handler set),
        // so a browser that displays the download instead of saving it applies the same rules as the saved file.
        Response.Headers.ContentSecurityPolicy = policy + "; frame-ancestors 'none'";
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", ReportDocument.FileName(score.Assessment));
    }

    /// <summary>URL of a chart image.</summary>
    public static string ChartUrl(Guid id, string name, string format = "svg") =>
        $"/Assessments/{id}/Report?handler=Chart&name={Uri.EscapeDataString(name)}&format={format}";

    /// <summary>URL of the HTML download.</summary>
    public static string DownloadUrl(Guid id) => $"/Assessments/{id}/Report?handler=Html";

    private Task<AssessmentScore?> ScoreAsync(Guid id, CancellationToken cancellationToken) =>
        scores.ScoreAsync(AssessmentAccess.Visible(db, CurrentUser.From(User)), id, cancellationToken);
}
