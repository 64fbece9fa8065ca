using System.ComponentModel.DataAnnotations;
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
/// Creates a user with one role and a generated one-time password, which the edit page shows once; the user
/// must change it at the first sign-in.
/// </summary>
public sealed class CreateModel(
    UserManager<ApplicationUser> users,
    GrundschutzDbContext db,
    IStringLocalizer<SharedResource> t,
    TimeProvider time,
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>
    /// The id the account will get, chosen when the form is shown: the same form sent twice (a double click – the
    /// browser drops the first answer, and with it the one-time password) opens the account it created the first
    /// time and says so, instead of „Benutzername bereits vergeben“ with the password lost.
    /// </summary>
    [BindProperty]
    public Guid FormId { get; set; }

    public void OnGet() => FormId = Guid.CreateVersion7(time.GetUtcNow());

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        string[] roles = [];
        if (!string.IsNullOrEmpty(Input.Role))
        {
            if (Roles.All.Contains(Input.Role))
            {
                roles = [Input.Role];
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Role)}", t["Unbekannte Rolle."]);
            }
        }

        if (await CreatedAlreadyAsync() is { } existing)
        {
            return existing;
        }

        var scope = await Input.ValidateAsync(roles, db, ModelState, nameof(Input), t, cancellationToken);
        if (!ModelState.IsValid || scope is null || roles.Length == 0)
        {
            return Page();
        }

        var user = new ApplicationUser
        {
            // A forged or missing form id that names another account gets a fresh id (CreatedAlreadyAsync compared the names).
            Id = FormId != Guid.Empty && !await db.Users.AsNoTracking().AnyAsync(u => u.Id == FormId.ToString(), cancellationToken)
                ? FormId.ToString()
                : Guid.NewGuid().ToString(),
            UserName = Input.UserName.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            MunicipalityId = scope.MunicipalityId,
            AuditorLands = scope.AuditorLands,
            MustChangePassword = true,
        };
        var password = StartupSeeder.OneTimePassword();

        // User and role in one transaction (UserManager saves through the same context).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            // The same form sent twice at once: the other request saved this id first – a unique violation, or (when
            // Identity's name check already saw that account: same id, so „not a duplicate“) a tracking conflict.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await CreatedAlreadyAsync() is { } already)
            {
                return already;
            }

            throw;
        }

        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (await CreatedAlreadyAsync() is { } other)
            {
                return other;
            }

            UserErrors.AddTo(ModelState, nameof(Input), created);
            return Page();
        }

        var added = await users.AddToRoleAsync(user, Input.Role);
        if (!added.Succeeded)
        {
            UserErrors.AddTo(ModelState, nameof(Input), added);
            return Page();
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Security: user {UserName} created by {Admin} with role {Role}, municipality {MunicipalityId}, Länder {Lands}",
            user.UserName, User.Identity?.Name, Input.Role, user.MunicipalityId, user.AuditorLands);
        TempData[EditModel.OneTimePasswordKey] = password;
        TempData[EditModel.OneTimePasswordUserKey] = user.Id;
        TempData["StatusMessage"] = t["Der Benutzer „{0}“ wurde angelegt.", user.UserName].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    /// <summary>
    /// The account this form created already (same id and same user name), as a redirect to its edit page saying so;
    /// null if there is none. The one-time password is not shown again (only its hash is stored): the page says where
    /// to make a new one, and nothing is reset on its own – a password already handed over stays valid.
    /// </summary>
    private async Task<IActionResult?> CreatedAlreadyAsync()
    {
        if (FormId == Guid.Empty
            || await db.Users.AsNoTracking().Where(u => u.Id == FormId.ToString()).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync() is not { } user
            || !string.Equals(user.UserName, Input.UserName?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        TempData["StatusMessage"] = t["Der Benutzer „{0}“ wurde mit diesem Formular bereits angelegt. Falls Sie das Einmal-Passwort nicht gesehen haben: „Passwort zurücksetzen“ erzeugt ein neues.", user.UserName!].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    public sealed class InputModel : UserTenantInput
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Benutzernamen ein.")]
        [StringLength(256, ErrorMessage = "Der Benutzername darf höchstens 256 Zeichen lang sein.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie einen Anzeigenamen ein.")]
        [StringLength(200, ErrorMessage = "Der Anzeigename darf höchstens 200 Zeichen lang sein.")]
        public string DisplayName { get; set; } = "";

        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse ein.")]
        [StringLength(256, ErrorMessage = "Die E-Mail-Adresse darf höchstens 256 Zeichen lang sein.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie eine Rolle.")]
        public string Role { get; set; } = "";
    }
}
