using System.ComponentModel.DataAnnotations;
using Grundschutz.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IStringLocalizer<SharedResource> t,
    ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool MustChange { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(key, error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Security: {UserName} changed the password", user.UserName);
        TempData["StatusMessage"] = t["Ihr Passwort wurde geändert."].Value;
        // Only an own address, and none longer than any page of the app has (the redirect would fail with HTTP 414).
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.Length <= CultureModel.MaxReturnUrlLength ? ReturnUrl : "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr aktuelles Passwort ein.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie ein neues Passwort ein.")]
        // Two attributes, two messages: a single StringLength(256, MinimumLength = 12) told an overlong password it was too short.
        [MinLength(12, ErrorMessage = "Das Passwort muss mindestens 12 Zeichen lang sein.")]
        [StringLength(256, ErrorMessage = "Das Passwort darf höchstens 256 Zeichen lang sein.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
