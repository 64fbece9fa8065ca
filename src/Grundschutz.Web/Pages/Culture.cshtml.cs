using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grundschutz.Web.Pages;

/// <summary>
/// Switches the UI language (cookie) and returns to the page the user was on. The anti-forgery token is checked here
/// (<see cref="SessionTimeout.IsFormFromOwnPageAsync"/>), so that the switch still works on a page whose session has
/// ended meanwhile.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class CultureModel(IAntiforgery antiforgery, Microsoft.Extensions.Options.IOptionsMonitor<CookieAuthenticationOptions> cookies) : PageModel
{
    /// <summary>The longest address returned to (the app's own addresses with filters stay far below it).</summary>
    public const int MaxReturnUrlLength = 2048;

    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        var cookieName = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "";
        if (!await SessionTimeout.IsFormFromOwnPageAsync(HttpContext, antiforgery, cookieName))
        {
            return BadRequest();
        }

        var chosen = culture == "en" ? "en" : "de-DE";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax });
        // An address longer than any page of the app has is not followed (the redirect would fail with HTTP 414).
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl.Length <= MaxReturnUrlLength ? returnUrl : "/");
    }
}
