using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>Creates a workshop owned by the signed-in facilitator.</summary>
[Authorize(Roles = Roles.Facilitator)]
public sealed class CreateModel(GrundschutzDbContext db, CatalogContextCache catalogs, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public WorkshopInput Input { get; set; } = new();

    /// <summary>
    /// The id the workshop will get, chosen when the form is shown: the same form sent twice (a double click, „Zurück“
    /// and „Anlegen“ again) finds the workshop it created the first time instead of creating a second one.
    /// </summary>
    [BindProperty]
    public Guid FormId { get; set; }

    public IReadOnlyList<VersionOption> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormId = Guid.CreateVersion7(time.GetUtcNow());
        Versions = await WorkshopVersions.LoadAsync(db, t, cancellationToken);
        Input.CatalogVersionId ??= await WorkshopVersions.DefaultIdAsync(db, Versions, cancellationToken);
        Input.Date ??= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var facilitatorId = CurrentUser.From(User)!.UserId;
        if (await CreatedAlreadyAsync(facilitatorId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var workshop = new Workshop
        {
            Id = FormId != Guid.Empty && !await db.Workshops.AnyAsync(w => w.Id == FormId, cancellationToken) ? FormId : Guid.CreateVersion7(now),
            FacilitatorUserId = facilitatorId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await Input.TryApplyAsync(workshop, db, catalogs, ModelState, t, cancellationToken))
        {
            Versions = await WorkshopVersions.LoadAsync(db, t, cancellationToken);
            return Page();
        }

        db.Workshops.Add(workshop);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request saved this id first.
            db.ChangeTracker.Clear();
            if (await CreatedAlreadyAsync(facilitatorId, cancellationToken) is { } other)
            {
                return other;
            }

            throw;
        }

        TempData["StatusMessage"] = t["Der Workshop „{0}“ wurde angelegt.", workshop.Topic].Value;
        return LocalRedirect(WorkshopLinks.Detail(workshop.Id));
    }

    /// <summary>The workshop this form created already, as a redirect to it saying so; null if there is none.</summary>
    private async Task<IActionResult?> CreatedAlreadyAsync(string facilitatorId, CancellationToken cancellationToken)
    {
        if (FormId == Guid.Empty)
        {
            return null;
        }

        var topic = await db.Workshops.AsNoTracking()
            .Where(w => w.Id == FormId && w.FacilitatorUserId == facilitatorId)
            .Select(w => w.Topic)
            .FirstOrDefaultAsync(cancellationToken);
        if (topic is null)
        {
            return null;
        }

        TempData["StatusMessage"] = t["Der Workshop „{0}“ wurde bereits angelegt.", topic].Value;
        return LocalRedirect(WorkshopLinks.Detail(FormId));
    }
}
