using System.ComponentModel.DataAnnotations;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

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

        var scope = await Input.ValidateAsync(roles, db, ModelState, nameof(Input), t, cancellationToken);
        if (!ModelState.IsValid || scope is null || roles.Length == 0)
        {
            return Page();
        }

        var user = new ApplicationUser
        {
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
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
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
