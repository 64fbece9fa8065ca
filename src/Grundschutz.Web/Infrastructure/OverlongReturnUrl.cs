using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// The sign-in cookie sends a signed-out visitor to the login page (and a user without the right to the access-denied
/// page) with the address asked for as <c>ReturnUrl</c> – escaped once more, so a long address grows by up to three
/// times, and the login page's own address then fails with HTTP 414. An address longer than any of the app's own is
/// therefore left out: the visitor signs in and starts on the home page.
/// </summary>
public static class OverlongReturnUrl
{
    /// <summary>Wraps the events' redirects (after the API's status codes are set up) so that they drop an overlong return address.</summary>
    public static void Drop(CookieAuthenticationEvents events, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(events);
        var toLogin = events.OnRedirectToLogin;
        var toAccessDenied = events.OnRedirectToAccessDenied;
        events.OnRedirectToLogin = context => toLogin(Shorten(context, maxLength));
        events.OnRedirectToAccessDenied = context => toAccessDenied(Shorten(context, maxLength));
    }

    private static RedirectContext<CookieAuthenticationOptions> Shorten(RedirectContext<CookieAuthenticationOptions> context, int maxLength)
    {
        var uri = context.RedirectUri;
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0
            && QueryHelpers.ParseQuery(uri[query..]).TryGetValue(context.Options.ReturnUrlParameter, out var returnUrl)
            && returnUrl.ToString().Length > maxLength)
        {
            context.RedirectUri = uri[..query];
        }

        return context;
    }
}
