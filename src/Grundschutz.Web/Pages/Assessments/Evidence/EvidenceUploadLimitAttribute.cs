using System.Globalization;
using Grundschutz.Infrastructure.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments.Evidence;

/// <summary>
/// Guards the evidence upload handler of a page before anything reads the request body (the anti-forgery check
/// and model binding both read the form): a request whose declared length exceeds the file limit plus room for
/// the multipart framing is answered with a redirect back to the page and a German message, without reading it;
/// otherwise the server-side body limit is lowered to the same bound, so a request without a length cannot run on.
/// Runs as an authorization filter ordered before the anti-forgery filter.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class EvidenceUploadLimitAttribute(string handler) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>TempData key of the refusal message (the page shows it as an error of the file field).</summary>
    public const string TempDataKey = "EvidenceUploadError";

    /// <summary>Room for multipart boundaries, part headers, the anti-forgery token and the hidden fields.</summary>
    public const long FramingAllowance = 16 * 1024;

    public string Handler { get; } = handler;

    /// <summary>Before the anti-forgery filter (order 1000).</summary>
    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        var requested = context.RouteData.Values["handler"] as string ?? request.Query["handler"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !string.Equals(requested, Handler, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var maxFile = http.RequestServices.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxFileBytes;
        var limit = maxFile + FramingAllowance;
        if (request.ContentLength > limit)
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[TempDataKey] = t["Die Datei ist zu groß: Erlaubt sind höchstens {0}. Es wurde nichts gespeichert.", EvidenceStore.FormatSize(maxFile, CultureInfo.CurrentCulture)].Value;

            // A short-circuit skips the filter that normally saves TempData.
            tempData.Save();
            context.Result = new LocalRedirectResult(request.PathBase + request.Path + "#upload");
            return;
        }

        var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = limit;
        }
    }
}
