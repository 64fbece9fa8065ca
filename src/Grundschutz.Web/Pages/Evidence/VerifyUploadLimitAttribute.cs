using System.Globalization;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Evidence;

/// <summary>
/// Refuses a package upload whose declared length exceeds <see cref="EvidenceSigningOptions.MaxVerifyBytes"/> before
/// anything reads the body (ordered before the anti-forgery filter), and lowers the body limit of the request to the
/// same bound for uploads without a declared length.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class VerifyUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string TempDataKey = "VerifyUploadError";

    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }

        var max = http.RequestServices.GetRequiredService<IOptions<EvidenceSigningOptions>>().Value.MaxVerifyBytes;
        var limit = max + 16 * 1024;
        if (request.ContentLength > limit)
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[TempDataKey] = t["Die Datei ist zu groß: Geprüft werden Pakete bis {0}. Größere Pakete prüfen Sie mit dem Befehl „evidence verify“.", EvidenceStore.FormatSize(max, CultureInfo.CurrentCulture)].Value;
            tempData.Save();
            context.Result = new LocalRedirectResult(request.PathBase + request.Path);
            return;
        }

        var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = limit;
        }
    }
}
