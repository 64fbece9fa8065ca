using System.ComponentModel.DataAnnotations;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Admin.Users;

/// <summary>
/// Edits a user's display name, e-mail, roles, municipality and Länder; locks and unlocks the account; resets the
/// password to a new one-time password, which is shown once (TempData, read on the next GET, like the recovery
/// codes of the Identity UI). Administrators cannot take the Administrator role from themselves or lock
/// themselves out.
/// </summary>
public sealed class EditModel(
    UserManager<ApplicationUser> users,
    GrundschutzDbContext db,
    TimeProvider time,
    IStringLocalizer<SharedResource> t,
    ILogger<EditModel> logger) : PageModel
{
    /// <summary>TempData key of a freshly generated one-time password.</summary>
    public const string OneTimePasswordKey = "Users.OneTimePassword";

    /// <summary>TempData key of the user id the one-time password belongs to.</summary>
    public const string OneTimePasswordUserKey = "Users.OneTimePasswordUser";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>
    /// The account's concurrency stamp when the page was shown, sent back with the form: a change from a page loaded
    /// before another administrator's save (or a lock, unlock or password reset) is not saved over it but shown
    /// again with the stored values.
    /// </summary>
    [BindProperty]
    public string? LoadedStamp { get; set; }

    public UserView View { get; private set; } = null!;

    /// <summary>The one-time password to show now (only right after creation or reset), else null.</summary>
    public string? OneTimePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        await LoadViewAsync(user, cancellationToken);
        LoadedStamp = user.ConcurrencyStamp;
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            Email = user.Email,
            Roles = [.. View.Roles],
            Municipality = View.MunicipalityAgs,
            AuditorLands = [.. UserTenantInput.DecodeLands(user.AuditorLands)],
        };

        // Read (and so remove) the password: a reload shows it no more. The TempData serializer turns a string that
        // looks like a Guid (the user id) into a Guid, hence the comparison as text.
        var password = TempData[OneTimePasswordKey]?.ToString();
        if (password is not null && string.Equals(TempData[OneTimePasswordUserKey]?.ToString(), user.Id, StringComparison.OrdinalIgnoreCase))
        {
            OneTimePassword = password;
            Response.Headers.CacheControl = "no-store";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var oldRoles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var newRoles = Input.Roles.Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToList();
        var rolesKey = $"{nameof(Input)}.{nameof(Input.Roles)}";
        if (newRoles.Count == 0)
        {
            ModelState.AddModelError(rolesKey, t["Bitte wählen Sie mindestens eine Rolle."]);
        }
        else if (newRoles.Any(r => !Roles.All.Contains(r)))
        {
            ModelState.AddModelError(rolesKey, t["Unbekannte Rolle."]);
        }
        else if (IsSelf(user) && oldRoles.Contains(Roles.Administrator) && !newRoles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(rolesKey, t["Sie können sich die Rolle Administration nicht selbst entziehen."]);
        }

        var scope = await Input.ValidateAsync(newRoles, db, ModelState, nameof(Input), t, cancellationToken);
        if (!ModelState.IsValid || scope is null)
        {
            await LoadViewAsync(user, cancellationToken);
            return Page();
        }

        var displayName = Input.DisplayName.Trim();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        var removed = oldRoles.Except(newRoles).ToList();
        var added = newRoles.Except(oldRoles).ToList();
        var scopeChanged = user.MunicipalityId != scope.MunicipalityId || user.AuditorLands != scope.AuditorLands;
        var changed = scopeChanged || removed.Count > 0 || added.Count > 0 || user.DisplayName != displayName || user.Email != email;
        if (changed && !string.Equals(LoadedStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            TempData["StatusMessage"] = t["Das Konto „{0}“ wurde inzwischen geändert; nichts wurde gespeichert. Das Formular zeigt jetzt die gespeicherten Angaben: Bitte Ihre Änderungen erneut eintragen.", user.UserName!].Value;
            return RedirectToPage("Edit", new { id = user.Id });
        }

        if (changed)
        {
            var oldMunicipality = user.MunicipalityId;
            var oldLands = user.AuditorLands;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            user.DisplayName = displayName;
            user.Email = email;
            user.MunicipalityId = scope.MunicipalityId;
            user.AuditorLands = scope.AuditorLands;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded && removed.Count > 0)
            {
                result = await users.RemoveFromRolesAsync(user, removed);
            }

            if (result.Succeeded && added.Count > 0)
            {
                result = await users.AddToRolesAsync(user, added);
            }

            // Roles and tenant travel in the sign-in cookie: a new stamp makes the old cookie invalid at its next check.
            if (result.Succeeded && (removed.Count > 0 || added.Count > 0 || scopeChanged))
            {
                result = await users.UpdateSecurityStampAsync(user);
            }

            if (!result.Succeeded)
            {
                UserErrors.AddTo(ModelState, nameof(Input), result);
                await LoadViewAsync(user, cancellationToken);
                return Page();
            }

            await transaction.CommitAsync(cancellationToken);
            if (removed.Count > 0 || added.Count > 0)
            {
                logger.LogWarning(
                    "Security: roles of {UserName} changed by {Admin}: added {Added}, removed {Removed}",
                    user.UserName, User.Identity?.Name, string.Join(",", added), string.Join(",", removed));
            }

            if (scopeChanged)
            {
                logger.LogWarning(
                    "Security: scope of {UserName} changed by {Admin}: municipality {OldMunicipality} -> {NewMunicipality}, Länder '{OldLands}' -> '{NewLands}'",
                    user.UserName, User.Identity?.Name, oldMunicipality, scope.MunicipalityId, oldLands, scope.AuditorLands);
            }
        }

        TempData["StatusMessage"] = changed
            ? t["Der Benutzer „{0}“ wurde gespeichert.", user.UserName!].Value
            : t["Keine Änderungen an „{0}“.", user.UserName!].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (IsSelf(user))
        {
            return await RefuseAsync(user, t["Sie können Ihr eigenes Konto nicht sperren."], cancellationToken);
        }

        // A second click, another tab or another administrator: locked already (by an administrator, not a lockout
        // after failed logins, which ends by itself; the year 9999 survives the database's precision) – nothing to change
        // and nothing to log.
        if (user.LockoutEnd is { } end && end.Year == DateTimeOffset.MaxValue.Year)
        {
            TempData["StatusMessage"] = t["Das Konto „{0}“ ist bereits gesperrt.", user.UserName!].Value;
            return RedirectToPage("Edit", new { id = user.Id });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        if (result.Succeeded)
        {
            // Ends sessions that are still open at their next security-stamp check.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Security: {UserName} locked by {Admin}", user.UserName, User.Identity?.Name);
        TempData["StatusMessage"] = t["Das Konto „{0}“ ist gesperrt.", user.UserName!].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        // A stale page (another administrator unlocked it, or a lockout after failed logins ran out): nothing to
        // unlock, so no „entsperrt“ and no security log entry for it.
        if (!IsLockedOut(user))
        {
            TempData["StatusMessage"] = t["Das Konto „{0}“ war nicht gesperrt.", user.UserName!].Value;
            return RedirectToPage("Edit", new { id = user.Id });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Security: {UserName} unlocked by {Admin}", user.UserName, User.Identity?.Name);
        TempData["StatusMessage"] = t["Das Konto „{0}“ ist entsperrt.", user.UserName!].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = StartupSeeder.OneTimePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Security: password of {UserName} reset by {Admin}", user.UserName, User.Identity?.Name);
        TempData[OneTimePasswordKey] = password;
        TempData[OneTimePasswordUserKey] = user.Id;
        TempData["StatusMessage"] = t["Das Passwort von „{0}“ wurde zurückgesetzt.", user.UserName!].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    private bool IsSelf(ApplicationUser user) => user.Id == users.GetUserId(User);

    private bool IsLockedOut(ApplicationUser user) => user.LockoutEnd is { } end && end > time.GetUtcNow();

    /// <summary>Shows the page again with a page-level error and the stored values in the form.</summary>
    private async Task<IActionResult> RefuseAsync(ApplicationUser user, string message, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, message);
        await LoadViewAsync(user, cancellationToken);
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            Email = user.Email,
            Roles = [.. View.Roles],
            Municipality = View.MunicipalityAgs,
            AuditorLands = [.. UserTenantInput.DecodeLands(user.AuditorLands)],
        };
        return Page();
    }

    private async Task LoadViewAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var municipality = user.MunicipalityId is { } municipalityId
            ? await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId)
                .Select(m => new { m.Ags, m.Name, m.LandName }).FirstOrDefaultAsync(cancellationToken)
            : null;
        View = new UserView(
            user.Id,
            user.UserName ?? "",
            user.IsDemo,
            user.MustChangePassword,
            IsLockedOut(user),
            [.. roles.OrderBy(RoleLabels.Position)],
            municipality?.Ags,
            municipality is null ? null : $"{municipality.Name} ({municipality.LandName})",
            [.. UserTenantInput.DecodeLands(user.AuditorLands).Select(c => Land.TryFromCode(c, out var land) ? land.Name : c)]);
    }

    /// <summary>What the page shows besides the form.</summary>
    public sealed record UserView(
        string Id, string UserName, bool IsDemo, bool MustChangePassword, bool LockedOut,
        IReadOnlyList<string> Roles, string? MunicipalityAgs, string? MunicipalityLabel, IReadOnlyList<string> LandNames);

    public sealed class InputModel : UserTenantInput
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Anzeigenamen ein.")]
        [StringLength(200, ErrorMessage = "Der Anzeigename darf höchstens 200 Zeichen lang sein.")]
        public string DisplayName { get; set; } = "";

        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse ein.")]
        [StringLength(256, ErrorMessage = "Die E-Mail-Adresse darf höchstens 256 Zeichen lang sein.")]
        public string? Email { get; set; }

        /// <summary>Role names (checkboxes).</summary>
        public List<string> Roles { get; set; } = [];
    }
}
