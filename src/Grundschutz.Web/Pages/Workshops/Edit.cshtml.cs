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

/// <summary>Changes a workshop; another facilitator's workshop answers 404.</summary>
[Authorize(Roles = Roles.Facilitator)]
public sealed class EditModel(GrundschutzDbContext db, CatalogContextCache catalogs, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public WorkshopInput Input { get; set; } = new();

    /// <summary>
    /// When the shown workshop was last changed (UTC ticks), sent back with the form: a change from a page loaded
    /// before another save (a second tab) is not saved over the newer values but shown again with them.
    /// </summary>
    [BindProperty]
    public long LoadedVersion { get; set; }

    public IReadOnlyList<VersionOption> Versions { get; private set; } = [];

    public Guid Id { get; private set; }

    /// <summary>The stored topic (not the one typed into the form): the title and heading name the workshop being edited.</summary>
    public string StoredTopic { get; private set; } = "";

    /// <summary>True when the id is unknown or another facilitator's: the page says so (404) instead of a bare „Seite nicht gefunden“.</summary>
    public bool NotFoundHere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var workshop = await LoadAsync(id, cancellationToken);
        if (workshop is null)
        {
            return WorkshopNotFound();
        }

        var ids = workshop.Participants.Select(p => p.MunicipalityId).ToList();
        var ags = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Ags).Select(m => m.Ags).ToListAsync(cancellationToken);
        Input = WorkshopInput.From(workshop, ags);
        LoadedVersion = workshop.UpdatedAt.UtcTicks;
        Id = id;
        StoredTopic = workshop.Topic;
        Versions = await WorkshopVersions.LoadAsync(db, t, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var workshop = await LoadAsync(id, cancellationToken);
        if (workshop is null)
        {
            return WorkshopNotFound();
        }

        Id = id;
        StoredTopic = workshop.Topic;
        var storedVersion = workshop.UpdatedAt.UtcTicks;
        if (!await Input.TryApplyAsync(workshop, db, catalogs, ModelState, t, cancellationToken))
        {
            Versions = await WorkshopVersions.LoadAsync(db, t, cancellationToken);
            return Page();
        }

        // The form sent again unchanged (a double click, „Zurück“ and „Speichern“): no „gespeichert“ and no new time.
        if (!db.ChangeTracker.HasChanges())
        {
            TempData["StatusMessage"] = t["Am Workshop „{0}“ wurde nichts geändert.", workshop.Topic].Value;
            return LocalRedirect(WorkshopLinks.Detail(workshop.Id));
        }

        // A change made on a page loaded before another save must not overwrite the newer values unseen.
        if (LoadedVersion != storedVersion)
        {
            TempData["StatusMessage"] = t["Der Workshop wurde inzwischen geändert; nichts wurde gespeichert. Das Formular zeigt jetzt die gespeicherten Angaben: Bitte Ihre Änderungen erneut eintragen."].Value;
            return LocalRedirect(WorkshopLinks.Edit(workshop.Id));
        }

        workshop.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = t["Der Workshop „{0}“ wurde gespeichert.", workshop.Topic].Value;
        return LocalRedirect(WorkshopLinks.Detail(workshop.Id));
    }

    /// <summary>404 with the workshop's own message (the same for an unknown id and another facilitator's workshop).</summary>
    private PageResult WorkshopNotFound()
    {
        NotFoundHere = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private Task<Workshop?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.From(User)?.UserId ?? "";
        return db.Workshops.Include(w => w.Participants).Include(w => w.Modules).AsSplitQuery()
            .FirstOrDefaultAsync(w => w.Id == id && w.FacilitatorUserId == userId, cancellationToken);
    }
}
