using Grundschutz.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = t["Sie wurden abgemeldet."].Value;
        return LocalRedirect("/");
    }
}
