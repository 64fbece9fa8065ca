using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Account;

/// <summary>
/// The session dialog's questions (<see cref="SessionTimeout"/>, <c>session.js</c>). GET: is the session still valid,
/// and for how long – without renewing it (a page left open must not keep its session alive). POST („Angemeldet
/// bleiben“, with the anti-forgery token): renews it for the full length. Both answer JSON, also without a session
/// (no redirect to the login page, which a script cannot follow sensibly).
/// </summary>
public sealed class SessionModel(TimeProvider time, IOptionsMonitor<CookieAuthenticationOptions> cookies) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return Answer(SessionTimeout.Remaining(result, time));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (SessionTimeout.Remaining(result, time) is not { } left || left <= TimeSpan.Zero)
        {
            return Answer(null);
        }

        // A new cookie from now on, for the full length; the principal and its properties stay as they were.
        var properties = result.Properties!;
        properties.IssuedUtc = null;
        properties.ExpiresUtc = null;
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, result.Principal!, properties);
        return Answer(cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan);
    }

    private JsonResult Answer(TimeSpan? left)
    {
        Response.Headers.CacheControl = "no-store";
        var seconds = left is { } l ? (long)Math.Floor(l.TotalSeconds) : 0;
        return new JsonResult(new SessionState(seconds > 0, seconds));
    }
}

/// <summary>The session's state for the script: signed in, and seconds left.</summary>
public sealed record SessionState(bool Authenticated, long Seconds);
