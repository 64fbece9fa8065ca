using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Grundschutz.Web.Api;

/// <summary>
/// The API uses the same sign-in cookie as the pages, but a program calling it must get a status code, not a
/// redirect to the login page: 401 without a valid cookie, 403 when the user may not. Requests outside
/// <see cref="PathPrefix"/> keep the cookie's redirects.
/// </summary>
public static class ApiAuthentication
{
    /// <summary>Every API endpoint lives below this path.</summary>
    public const string PathPrefix = "/api";

    /// <summary>True for requests to the API.</summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Makes the cookie answer API requests with 401/403 instead of redirecting; other requests keep the redirect.</summary>
    public static void AnswerApiWithStatusCodes(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var toLogin = events.OnRedirectToLogin;
        var toAccessDenied = events.OnRedirectToAccessDenied;
        events.OnRedirectToLogin = context => IsApiRequest(context.Request) ? StatusAsync(context, StatusCodes.Status401Unauthorized) : toLogin(context);
        events.OnRedirectToAccessDenied = context => IsApiRequest(context.Request) ? StatusAsync(context, StatusCodes.Status403Forbidden) : toAccessDenied(context);
    }

    /// <summary>The status with a problem+json body (API requests get no HTML status page; see <see cref="ApiProblems"/>).</summary>
    private static Task StatusAsync(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
