using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Admin.Users;

/// <summary>The users with roles, municipality, Länder, lock state and demo marker; filterable by role and name, 50 per page.</summary>
public sealed class IndexModel(GrundschutzDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Part of the user name or display name.</summary>
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Query { get; set; }

    /// <summary>A role name, or empty for all.</summary>
    [BindProperty(Name = "role", SupportsGet = true)]
    public string? Role { get; set; }

    /// <summary>1-based page.</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Matching { get; private set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Role) && Roles.All.Contains(Role))
        {
            var roleIds = db.Roles.Where(r => r.Name == Role).Select(r => r.Id);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        else
        {
            Role = null;
        }

        var term = Query?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(term));
        }

        Matching = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var users = await query
            .OrderBy(u => u.NormalizedUserName)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.MunicipalityId, u.AuditorLands, u.LockoutEnd, u.MustChangePassword, u.IsDemo })
            .ToListAsync(cancellationToken);

        // Roles and municipalities of the whole page in one query each (no query per row).
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking()
                .Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "", StringComparer.Ordinal);
        var municipalityIds = users.Where(u => u.MunicipalityId is not null).Select(u => u.MunicipalityId!.Value).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => municipalityIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Ags })
            .ToDictionaryAsync(m => m.Id, m => $"{m.Name} ({m.Ags})", cancellationToken);

        var now = time.GetUtcNow();
        Rows = users.Select(u => new UserRow(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                u.Email,
                [.. roles[u.Id].OrderBy(RoleLabels.Position)],
                u.MunicipalityId is { } m ? municipalities.GetValueOrDefault(m, "?") : null,
                [.. UserTenantInput.DecodeLands(u.AuditorLands).Select(c => Land.TryFromCode(c, out var land) ? land.Name : c)],
                u.LockoutEnd is { } end && end > now,
                u.MustChangePassword,
                u.IsDemo))
            .ToList();
    }

    public sealed record UserRow(
        string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? Municipality,
        IReadOnlyList<string> LandNames, bool LockedOut, bool MustChangePassword, bool IsDemo);
}
