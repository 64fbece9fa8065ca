using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The audit freshness warnings of an assessment (A.4 answers older than 12 months, Leitlinie older than 2 years or
/// review overdue). The page that invokes it has already checked access to the assessment.
/// </summary>
public sealed class FreshnessWarningsViewComponent(GrundschutzDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid assessmentId)
    {
        var municipalityId = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == assessmentId)
            .Select(a => (int?)a.MunicipalityId)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (municipalityId is null)
        {
            return Content("");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var warnings = await AuditFreshnessLoader.LoadAsync(db, assessmentId, municipalityId.Value, today, null, HttpContext.RequestAborted);
        return View(warnings);
    }
}
