using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The workshops the ISB's municipality was added to, with consent and withdrawal. A facilitator sees a participant's
/// figures only while its consent stands; only the ISB of that municipality may give or withdraw it (another
/// municipality's workshop answers 404), and every change is logged as a security event.
/// </summary>
[Authorize(Roles = Roles.Isb)]
public sealed class WorkshopInvitationsModel(GrundschutzDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t, ILogger<WorkshopInvitationsModel> logger) : PageModel
{
    public const string Path = "/Assessments/WorkshopInvitations";

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User)?.MunicipalityId is not { } municipalityId)
        {
            return Forbid();
        }

        var rows = await (
            from p in db.Set<WorkshopParticipant>().AsNoTracking()
            where p.MunicipalityId == municipalityId
            join w in db.Workshops.AsNoTracking() on p.WorkshopId equals w.Id
            join v in db.CatalogVersions.AsNoTracking() on w.CatalogVersionId equals v.Id
            join u in db.Users.AsNoTracking() on w.FacilitatorUserId equals u.Id into facilitators
            from u in facilitators.DefaultIfEmpty()
            select new
            {
                w.Id,
                w.Topic,
                w.Date,
                Catalog = v.Title + " " + v.Version,
                Facilitator = u == null ? "" : (u.DisplayName != "" ? u.DisplayName : u.UserName),
                Modules = w.Modules.OrderBy(m => m.GroupId).Select(m => m.GroupId).ToList(),
                p.ConsentedAt,
            }).ToListAsync(cancellationToken);
        Invitations = [.. rows
            .OrderBy(r => r.Date).ThenBy(r => r.Topic, StringComparer.Ordinal)
            .Select(r => new InvitationRow(r.Id, r.Topic, r.Date, r.Catalog.Trim(), r.Facilitator ?? "", r.Modules, r.ConsentedAt))];
        return Page();
    }

    /// <summary>„Teilnahme zustimmen“: the facilitator sees this municipality's figures from now on.</summary>
    public Task<IActionResult> OnPostConsentAsync(Guid workshopId, CancellationToken cancellationToken) =>
        ChangeAsync(workshopId, consent: true, cancellationToken);

    /// <summary>„Zustimmung zurückziehen“: the figures disappear from the facilitator's page and workbook at once.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid workshopId, CancellationToken cancellationToken) =>
        ChangeAsync(workshopId, consent: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid workshopId, bool consent, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        if (user?.MunicipalityId is not { } municipalityId)
        {
            return Forbid();
        }

        var participant = await db.Set<WorkshopParticipant>()
            .FirstOrDefaultAsync(p => p.WorkshopId == workshopId && p.MunicipalityId == municipalityId, cancellationToken);
        if (participant is null)
        {
            return NotFound();
        }

        var topic = await db.Workshops.AsNoTracking().Where(w => w.Id == workshopId).Select(w => w.Topic).FirstAsync(cancellationToken);
        if (consent && participant.ConsentedAt is null)
        {
            participant.ConsentedAt = time.GetUtcNow();
            participant.ConsentedByUserId = user.UserId;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning(
                "Security: workshop consent given by {UserName} for municipality {MunicipalityId} in workshop {WorkshopId}",
                user.UserName, municipalityId, workshopId);
        }
        else if (!consent && participant.ConsentedAt is not null)
        {
            participant.ConsentedAt = null;
            participant.ConsentedByUserId = null;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning(
                "Security: workshop consent withdrawn by {UserName} for municipality {MunicipalityId} in workshop {WorkshopId}",
                user.UserName, municipalityId, workshopId);
        }

        TempData["StatusMessage"] = consent
            ? t["Sie haben der Teilnahme am Workshop „{0}“ zugestimmt.", topic].Value
            : t["Ihre Zustimmung zum Workshop „{0}“ ist zurückgezogen.", topic].Value;
        return LocalRedirect(Path);
    }

    /// <summary>One workshop the municipality was added to.</summary>
    public sealed record InvitationRow(Guid WorkshopId, string Topic, DateOnly Date, string Catalog, string Facilitator, IReadOnlyList<string> Modules, DateTimeOffset? ConsentedAt);
}
