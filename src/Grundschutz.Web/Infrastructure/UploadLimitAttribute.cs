using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Guards an upload handler before anything reads the request body (the anti-forgery check and model binding both
/// read the form): a POST whose declared length exceeds the file limit plus room for the multipart framing is answered
/// with a redirect back to the page and a German message in TempData, without reading it; otherwise the server-side
/// body limit is lowered to the same bound, so a request without a declared length cannot run on either.
/// Runs as an authorization filter ordered before the anti-forgery filter (order 1000).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public abstract class UploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for multipart boundaries, part headers, the anti-forgery token and the hidden fields.</summary>
    public const long FramingAllowance = 16 * 1024;

    /// <summary>Only POSTs to this page handler are guarded; <c>null</c> guards every POST of the page.</summary>
    protected string? Handler { get; init; }

    /// <summary>Appended to the redirect, e.g. <c>#upload</c>.</summary>
    protected string Fragment { get; init; } = "";

    public int Order => -1000;

    /// <summary>TempData key under which the page finds the refusal message.</summary>
    protected abstract string MessageKey { get; }

    /// <summary>The largest file accepted, from the options of the feature.</summary>
    protected abstract long MaxFileBytes(IServiceProvider services);

    /// <summary>The German message (localised) for a file over <paramref name="maxFileBytes"/>.</summary>
    protected abstract string TooLargeMessage(IStringLocalizer t, long maxFileBytes);

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }

        if (Handler is not null)
        {
            var requested = context.RouteData.Values["handler"] as string ?? request.Query["handler"].ToString();
            if (!string.Equals(requested, Handler, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        var maxFile = MaxFileBytes(http.RequestServices);
        var limit = maxFile + FramingAllowance;
        if (request.ContentLength > limit)
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[MessageKey] = TooLargeMessage(t, maxFile);

            // A short-circuit skips the filter that normally saves TempData.
            tempData.Save();
            context.Result = new LocalRedirectResult(request.PathBase + request.Path + Fragment);
            return;
        }

        var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = limit;
        }
    }
}
