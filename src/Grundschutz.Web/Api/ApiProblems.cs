using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Api;

/// <summary>
/// Errors of the JSON API as <c>application/problem+json</c> in the request's language – also those no endpoint
/// wrote itself (an address that matches no endpoint, a method the endpoint does not accept, a sign-in that is
/// missing), which the pages answer with their HTML status page.
/// </summary>
public static class ApiProblems
{
    /// <summary>A problem response with a title in the request's language.</summary>
    public static IResult Of(HttpContext http, int statusCode, string germanTitle)
    {
        ArgumentNullException.ThrowIfNull(http);
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return Results.Problem(statusCode: statusCode, title: t[germanTitle].Value);
    }

    /// <summary>For <c>UseStatusCodePages</c> on the API's paths: the status code's problem response.</summary>
    public static Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;

        // This runs after the rest of the pipeline has returned, outside the culture the localization middleware set
        // for it: take the culture it chose for this request.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } requested)
        {
            CultureInfo.CurrentCulture = requested.Culture;
            CultureInfo.CurrentUICulture = requested.UICulture;
        }

        var title = http.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => "Bitte melden Sie sich an.",
            StatusCodes.Status403Forbidden => "Kein Zugriff.",
            StatusCodes.Status404NotFound => "Nicht gefunden.",
            StatusCodes.Status405MethodNotAllowed => "Diese Methode ist für diese Adresse nicht erlaubt.",
            StatusCodes.Status429TooManyRequests => "Zu viele Anfragen. Bitte versuchen Sie es später erneut.",
            _ => "Die Anfrage konnte nicht bearbeitet werden.",
        };
        return Of(http, http.Response.StatusCode, title).ExecuteAsync(http);
    }
}
