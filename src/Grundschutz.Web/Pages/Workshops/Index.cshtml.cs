using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>The facilitator's own workshops (nobody else's), latest date first.</summary>
[Authorize(Roles = Roles.Facilitator)]
public sealed class IndexModel(GrundschutzDbContext db) : PageModel
{
    public IReadOnlyList<WorkshopRow> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUser.From(User)?.UserId ?? "";
        var rows = await db.Workshops.AsNoTracking()
            .Where(w => w.FacilitatorUserId == userId)
            .Select(w => new
            {
                w.Id,
                w.Topic,
                w.Date,
                Catalog = db.CatalogVersions.Where(v => v.Id == w.CatalogVersionId).Select(v => v.Title + " " + v.Version).FirstOrDefault(),
                Participants = w.Participants.Count,
                Consented = w.Participants.Count(p => p.ConsentedAt != null),
                Modules = w.Modules.Count,
            })
            .ToListAsync(cancellationToken);
        Workshops = [.. rows
            .OrderByDescending(r => r.Date).ThenBy(r => r.Topic, StringComparer.Ordinal)
            .Select(r => new WorkshopRow(r.Id, r.Topic, r.Date, r.Catalog ?? "", r.Participants, r.Consented, r.Modules))];
    }

    public sealed record WorkshopRow(Guid Id, string Topic, DateOnly Date, string Catalog, int Participants, int Consented, int Modules);
}
