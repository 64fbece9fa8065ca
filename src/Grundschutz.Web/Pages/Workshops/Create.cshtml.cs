using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>Creates a workshop owned by the signed-in facilitator.</summary>
[Authorize(Roles = Roles.Facilitator)]
public sealed class CreateModel(GrundschutzDbContext db, CatalogContextCache catalogs, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public WorkshopInput Input { get; set; } = new();

    public IReadOnlyList<VersionOption> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await WorkshopVersions.LoadAsync(db, cancellationToken);
        Input.Date ??= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var workshop = new Workshop
        {
            Id = Guid.CreateVersion7(now),
            FacilitatorUserId = CurrentUser.From(User)!.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await Input.TryApplyAsync(workshop, db, catalogs, ModelState, t, cancellationToken))
        {
            Versions = await WorkshopVersions.LoadAsync(db, cancellationToken);
            return Page();
        }

        db.Workshops.Add(workshop);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = t["Der Workshop „{0}“ wurde angelegt.", workshop.Topic].Value;
        return LocalRedirect(WorkshopLinks.Detail(workshop.Id));
    }
}
