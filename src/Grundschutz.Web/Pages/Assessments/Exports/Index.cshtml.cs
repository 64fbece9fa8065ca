using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments.Exports;

/// <summary>
/// The downloads of one assessment: A.4 IT-Grundschutz-Check and A.6 Realisierungsplan as Excel workbooks (named
/// handlers), plus a pointer to the JSON API. Every handler loads through <see cref="AssessmentAccess.Visible"/>: another
/// municipality's id finds nothing (404).
/// </summary>
[Authorize]
public sealed class IndexModel(
    GrundschutzDbContext db,
    CatalogContextCache contexts,
    CatalogFactsCache facts,
    TimeProvider time,
    EvidencePackageWriter packages,
    EvidenceKeyRing keys,
    IStringLocalizer<SharedResource> t,
    ILogger<IndexModel> logger) : PageModel
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public AssessmentHeader Header { get; private set; } = null!;

    /// <summary>True when the evidence package can be downloaded (approved assessment, signing key present).</summary>
    public bool PackageAvailable { get; private set; }

    /// <summary>Why the package is not available (in the reader's language), if it is not.</summary>
    public string? PackageUnavailableReason { get; private set; }

    /// <summary>The signing key id, and whether it is a generated development key.</summary>
    public EvidenceKeyRing Keys => keys;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var assessment = await AssessmentAccess.Visible(db, CurrentUser.From(User)).AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        Header = await AssessmentHeader.LoadAsync(db, assessment, cancellationToken);
        if (!EvidencePackageLoader.HasApproval(assessment.State))
        {
            PackageUnavailableReason = t["Das Nachweispaket gibt es erst, wenn die Prüferin oder der Prüfer die Bewertung genehmigt hat (Zustand „Genehmigt“): Es enthält den Prüf- und Freigabevermerk, und genehmigte Antworten ändern sich nicht mehr."].Value;
        }
        else if (!keys.CanSign)
        {
            PackageUnavailableReason = DomainText.Of(t, keys.ProblemText ?? EvidenceKeyRing.NoSigningKey);
        }

        PackageAvailable = PackageUnavailableReason is null;
        if (TempData[PackageErrorKey] is string error)
        {
            PackageUnavailableReason = error;
        }

        return Page();
    }

    public const string PackageErrorKey = "EvidencePackageError";

    /// <summary>
    /// The evidence package as „Nachweispaket-&lt;AGS&gt;-&lt;yyyy-MM-dd&gt;.zip“: written to a temporary file that is
    /// deleted when the response is done, so evidence files are streamed, not held in memory.
    /// </summary>
    public async Task<IActionResult> OnGetEvidencePackageAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = AssessmentAccess.Visible(db, CurrentUser.From(User));
        var temp = Path.Combine(Path.GetTempPath(), $"nachweispaket-{Guid.NewGuid():N}.zip");
        var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var data = await EvidencePackageLoader.LoadAsync(db, contexts, facts, visible, id, time.GetUtcNow(), cancellationToken);
            if (data is null)
            {
                await file.DisposeAsync();
                return NotFound();
            }

            await packages.WriteAsync(data, file, cancellationToken);
            file.Position = 0;
            Response.Headers.CacheControl = "private, no-store";
            logger.LogInformation("Evidence package of assessment {AssessmentId} downloaded ({Bytes} bytes)", id, file.Length);
            return File(file, "application/zip", EvidencePackageWriter.FileName(data));
        }
        catch (EvidencePackageException ex)
        {
            await file.DisposeAsync();
            // Translated here, like the status messages: the language comes from the cookie, so the page after the redirect shows the same one.
            TempData[PackageErrorKey] = DomainText.Of(t, ex);
            return RedirectToPage(new { id });
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>A.4 as „A4-Grundschutz-Check-&lt;AGS&gt;-&lt;yyyy-MM-dd&gt;.xlsx“.</summary>
    public Task<IActionResult> OnGetGrundschutzCheckAsync(Guid id, CancellationToken cancellationToken) =>
        DownloadAsync(id, realisierungsplan: false, cancellationToken);

    /// <summary>A.6 as „A6-Realisierungsplan-&lt;AGS&gt;-&lt;yyyy-MM-dd&gt;.xlsx“.</summary>
    public Task<IActionResult> OnGetRealisierungsplanAsync(Guid id, CancellationToken cancellationToken) =>
        DownloadAsync(id, realisierungsplan: true, cancellationToken);

    /// <summary>OSCAL 1.1.3 assessment-results as „OSCAL-Assessment-Results-&lt;AGS&gt;-&lt;yyyy-MM-dd&gt;.json“ (docs/oscal.md).</summary>
    public Task<IActionResult> OnGetAssessmentResultsAsync(Guid id, CancellationToken cancellationToken) =>
        OscalDownloadAsync(id, poam: false, cancellationToken);

    /// <summary>The Realisierungsplan as OSCAL 1.1.3 POA&amp;M, „OSCAL-POAM-&lt;AGS&gt;-&lt;yyyy-MM-dd&gt;.json“.</summary>
    public Task<IActionResult> OnGetPoamAsync(Guid id, CancellationToken cancellationToken) =>
        OscalDownloadAsync(id, poam: true, cancellationToken);

    private async Task<IActionResult> OscalDownloadAsync(Guid id, bool poam, CancellationToken cancellationToken)
    {
        var visible = AssessmentAccess.Visible(db, CurrentUser.From(User));
        var source = await OscalExportLoader.LoadAsync(db, contexts, facts, visible, id, time.GetUtcNow(), cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        var file = new MemoryStream();
        if (poam)
        {
            PoamWriter.Write(file, source);
        }
        else
        {
            AssessmentResultsWriter.Write(file, source);
        }

        file.Position = 0;
        Response.Headers.CacheControl = "private, no-store";
        return File(file, "application/json", poam ? source.PoamFileName : source.AssessmentResultsFileName);
    }

    private async Task<IActionResult> DownloadAsync(Guid id, bool realisierungsplan, CancellationToken cancellationToken)
    {
        var visible = AssessmentAccess.Visible(db, CurrentUser.From(User));
        var export = await AssessmentExportLoader.LoadAsync(db, contexts, facts, visible, id, time.GetUtcNow(), cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        var file = new MemoryStream();
        if (realisierungsplan)
        {
            export.WriteRealisierungsplan(file);
        }
        else
        {
            export.WriteGrundschutzCheck(file);
        }

        file.Position = 0;
        Response.Headers.CacheControl = "private, no-store";
        return File(file, XlsxContentType, realisierungsplan ? export.RealisierungsplanFileName : export.GrundschutzCheckFileName);
    }
}
