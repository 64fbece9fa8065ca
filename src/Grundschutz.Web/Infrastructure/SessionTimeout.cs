using Grundschutz.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// The sign-in session's time limit and the warning before it ends (WCAG 2.2.1 „Zeitbegrenzungen anpassbar“, BITV 2.0).
/// A session ends after <c>Security:SessionMinutes</c> without a request (sliding: every request – a page, an autosave –
/// starts the time anew). Signed-in pages carry the session dialog (<c>_SessionTimeout.cshtml</c>, <c>session.js</c>):
/// shortly before the end it asks whether to stay signed in; after the end it says how to sign in again without losing
/// what is typed on the page.
/// The script asks <see cref="Path"/> how long the session has left. That question must not itself count as activity –
/// a page left open would otherwise keep its session alive for ever – so the cookie is never renewed on it: neither by
/// the sliding expiration nor by Identity's security-stamp check (which renews the cookie whenever it runs).
/// </summary>
public static class SessionTimeout
{
    /// <summary>The session page: GET tells the time left without renewing, POST („Angemeldet bleiben“) renews.</summary>
    public const string Path = "/Account/Session";

    /// <summary>The configuration key of the session length in minutes.</summary>
    public const string MinutesKey = "Security:SessionMinutes";

    /// <summary>Default length: a working day.</summary>
    public const int DefaultMinutes = 480;

    /// <summary>Shortest allowed length (the warning needs time to be read and answered).</summary>
    public const int MinMinutes = 5;

    /// <summary>Longest allowed length (a day).</summary>
    public const int MaxMinutes = 1440;

    /// <summary>The warning comes this long before the end (shorter for sessions under ten minutes: half of it).</summary>
    public static TimeSpan WarningBefore(TimeSpan session) =>
        session >= TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : session / 2;

    /// <summary>The configured session length.</summary>
    public static TimeSpan Length(IConfiguration configuration) =>
        TimeSpan.FromMinutes(configuration.GetValue(MinutesKey, DefaultMinutes));

    /// <summary>True for the status question (GET <see cref="Path"/>), which must not renew the session.</summary>
    public static bool IsStatusRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) && request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Keeps the cookie from being renewed on the status question. Call after every other change to the events
    /// (it wraps the principal validation set by Identity, which may ask for a renewal).
    /// </summary>
    public static void NoRenewalOnStatus(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sliding = events.OnCheckSlidingExpiration;
        var validate = events.OnValidatePrincipal;
        events.OnCheckSlidingExpiration = async context =>
        {
            await sliding(context);
            if (IsStatusRequest(context.Request))
            {
                context.ShouldRenew = false;
            }
        };
        events.OnValidatePrincipal = async context =>
        {
            await validate(context);
            if (IsStatusRequest(context.Request))
            {
                context.ShouldRenew = false;
            }
        };
    }

    /// <summary>The login page's parameter saying that a session ended: <see cref="EndedOnGet"/> or <see cref="EndedOnSend"/>.</summary>
    public const string EndedParameter = "abgelaufen";

    /// <summary>The session had ended when a page was asked for.</summary>
    public const string EndedOnGet = "1";

    /// <summary>The session had ended when a form was sent: what it carried is not saved.</summary>
    public const string EndedOnSend = "senden";

    /// <summary>
    /// When a request still carries the sign-in cookie but its session has ended (expired, or ended by a change to the
    /// account), the login page is told so (<see cref="EndedParameter"/>) – and, for a form that was sent, that its
    /// content was not saved. The return address of a sent form leads back to its page, not to the form's handler
    /// (<c>?handler=Save</c>), which a GET after the login would answer with 404. Register before
    /// <see cref="OverlongReturnUrl.Drop"/>, after <see cref="ApiAuthentication.AnswerApiWithStatusCodes"/>.
    /// </summary>
    public static void SayWhenEnded(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var toLogin = events.OnRedirectToLogin;
        events.OnRedirectToLogin = context =>
        {
            if (!ApiAuthentication.IsApiRequest(context.Request))
            {
                var sent = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
                var ended = context.Options.Cookie.Name is { } name && context.Request.Cookies.ContainsKey(name);
                context.RedirectUri = LoginAddress(context.RedirectUri, context.Options.ReturnUrlParameter, sent, ended);
            }

            return toLogin(context);
        };
    }

    private static string LoginAddress(string uri, string returnUrlParameter, bool sent, bool ended)
    {
        var start = uri.IndexOf('?', StringComparison.Ordinal);
        var (path, query) = start < 0 ? (uri, QueryString.Empty) : (uri[..start], new QueryString(uri[start..]));
        var parameters = QueryHelpers.ParseQuery(query.Value);
        var result = new QueryBuilder();
        foreach (var (key, values) in parameters)
        {
            if (string.Equals(key, EndedParameter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                result.Add(key, sent && string.Equals(key, returnUrlParameter, StringComparison.OrdinalIgnoreCase) ? WithoutHandler(value ?? "") : value ?? "");
            }
        }

        if (ended)
        {
            result.Add(EndedParameter, sent ? EndedOnSend : EndedOnGet);
        }

        return path + result.ToQueryString();
    }

    /// <summary>„/a/b?x=1&amp;handler=Save“ → „/a/b?x=1“.</summary>
    private static string WithoutHandler(string returnUrl)
    {
        var start = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return returnUrl;
        }

        var kept = new QueryBuilder();
        foreach (var (key, values) in QueryHelpers.ParseQuery(returnUrl[start..]))
        {
            if (!string.Equals(key, "handler", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    kept.Add(key, value ?? "");
                }
            }
        }

        return returnUrl[..start] + kept.ToQueryString();
    }

    /// <summary>
    /// The anti-forgery check for the few forms that also work signed out (the language switch): after the session has
    /// ended, the page's token – issued to the signed-in user – no longer matches the now anonymous request, and the
    /// switch answered „Ungültige Anfrage“. Such a request is accepted when it still carries the sign-in cookie, which a
    /// browser sends with a POST only from the app's own pages (SameSite=Lax); a signed-in or never signed-in request
    /// needs a valid token as always.
    /// </summary>
    public static async Task<bool> IsFormFromOwnPageAsync(HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, string authCookieName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (await antiforgery.IsRequestValidAsync(context))
        {
            return true;
        }

        return context.User.Identity?.IsAuthenticated != true && context.Request.Cookies.ContainsKey(authCookieName);
    }

    /// <summary>
    /// Time left of this request's session as its cookie says – a lower bound: the response may renew the cookie
    /// (sliding expiration), the script asks <see cref="Path"/> before it warns. Null without a signed-in session.
    /// </summary>
    public static TimeSpan? Remaining(HttpContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var result = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult;
        return Remaining(result, time);
    }

    /// <summary>Time left of the session in <paramref name="result"/> (never negative); null if it is none.</summary>
    public static TimeSpan? Remaining(AuthenticateResult? result, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (result is not { Succeeded: true, Properties.ExpiresUtc: { } expires })
        {
            return null;
        }

        var left = expires - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>„8 Stunden“, „30 Minuten“, „1 Stunde 30 Minuten“ – the session length for the dialog's text.</summary>
    public static string Describe(TimeSpan length, Func<string, object[], string> localize)
    {
        ArgumentNullException.ThrowIfNull(localize);
        var hours = (int)length.TotalHours;
        var minutes = length.Minutes;
        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(hours == 1 ? localize("1 Stunde", []) : localize("{0} Stunden", [hours]));
        }

        if (minutes > 0 || hours == 0)
        {
            parts.Add(minutes == 1 ? localize("1 Minute", []) : localize("{0} Minuten", [minutes]));
        }

        return string.Join(" ", parts);
    }
}
