using Grundschutz.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Account;

/// <summary>
/// Signs out. The anti-forgery token is checked here rather than by the framework: a signed-in user's logout needs it
/// (no other site may sign them out), but after the session has ended the token – issued to the signed-in user – no
/// longer matches the now anonymous request, and „Abmelden“ on a page left open answered „Ungültige Anfrage“. Without a
/// session there is nothing to sign out: the user is told they are signed out.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, IAntiforgery antiforgery, IStringLocalizer<SharedResource> t) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            TempData["StatusMessage"] = t["Ihre Sitzung war bereits beendet – Sie sind abgemeldet."].Value;
            return LocalRedirect("/");
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        await signIn.SignOutAsync();
        TempData["StatusMessage"] = t["Sie wurden abgemeldet."].Value;
        return LocalRedirect("/");
    }
}
