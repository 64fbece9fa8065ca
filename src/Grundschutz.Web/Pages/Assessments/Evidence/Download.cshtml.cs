using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Assessments.Evidence;

/// <summary>
/// Downloads an evidence file of an assessment the user may see. Always as an attachment with a neutral content
/// type (never rendered inline: an uploaded file must not run in our origin); the original name travels
/// RFC 5987-encoded. Evidence of another assessment, or of an assessment the user may not see, is a 404.
/// </summary>
[Authorize]
public sealed class DownloadModel(GrundschutzDbContext db, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid evidenceId, CancellationToken cancellationToken)
    {
        var file = await AssessmentAccess.Visible(db, CurrentUser.From(User)).AsNoTracking()
            .Where(a => a.Id == id)
            .SelectMany(a => a.Answers)
            .SelectMany(a => a.Evidence)
            .Where(e => e.Id == evidenceId)
            .Select(e => new { e.FileName, e.StorageKey })
            .FirstOrDefaultAsync(cancellationToken);
        var stream = file is null ? null : store.OpenRead(file.StorageKey);
        if (file is null || stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, "application/octet-stream", file.FileName);
    }
}
