using System.Globalization;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Workshops;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>
/// One workshop: each participant's progress on the selected modules (answered share, the two headline
/// Umsetzungsgrade, per layer) and the common gaps, plus the summary workbook as a named download handler. Only
/// aggregates are shown: a facilitator sees no answer texts and cannot open the assessments themselves.
/// </summary>
[Authorize(Roles = Roles.Facilitator)]
public sealed class DetailModel(WorkshopSummaryService summaries) : PageModel
{
    /// <summary>Gaps listed on the page; the workbook lists all.</summary>
    public const int PageGaps = 25;

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public WorkshopSummary Summary { get; private set; } = null!;

    /// <summary>True when the id is unknown or another facilitator's: the page says so (404) instead of a bare „Seite nicht gefunden“.</summary>
    public bool NotFoundHere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await summaries.SummarizeAsync(id, CurrentUser.From(User)?.UserId ?? "", cancellationToken);
        if (summary is null)
        {
            return WorkshopNotFound();
        }

        Summary = summary;
        return Page();
    }

    /// <summary>„Workshop-Zusammenfassung-&lt;Thema&gt;-&lt;yyyy-MM-dd&gt;.xlsx“ (see <see cref="SummaryFileName"/>).</summary>
    public async Task<IActionResult> OnGetSummaryAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await summaries.SummarizeAsync(id, CurrentUser.From(User)?.UserId ?? "", cancellationToken);
        if (summary is null)
        {
            return WorkshopNotFound();
        }

        var file = new MemoryStream();
        WorkshopSummaryWorkbook.Write(file, summary);
        file.Position = 0;
        Response.Headers.CacheControl = "private, no-store";
        return File(file, XlsxContentType, SummaryFileName(summary.Topic, summary.Date));
    }

    /// <summary>
    /// „Workshop-Zusammenfassung-Basis-Absicherung-Teil-1-2026-12-03.xlsx“: the name says what the file holds and of
    /// which workshop – a facilitator with several workshops on one day got the same „Workshop-2026-12-03.xlsx“ for all.
    /// </summary>
    public static string SummaryFileName(string topic, DateOnly date)
    {
        var part = FileNameText.Part(topic);
        return $"Workshop-Zusammenfassung-{(part.Length == 0 ? "" : part + "-")}{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";
    }

    /// <summary>404 with the workshop's own message (the same for an unknown id and another facilitator's workshop).</summary>
    private PageResult WorkshopNotFound()
    {
        NotFoundHere = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>A share as the page shows it: „66,6 % (2 von 3)“, or „–“ when nothing is applicable.</summary>
    public static string Format(Ratio ratio) =>
        ratio.Percent(1) is { } percent
            ? string.Create(CultureInfo.CurrentCulture, $"{percent:0.0} % ({ratio.Numerator:0.##}/{ratio.Denominator})")
            : "–";
}
