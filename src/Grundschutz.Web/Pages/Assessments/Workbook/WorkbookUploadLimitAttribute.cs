using Grundschutz.Infrastructure.Workbooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments.Workbook;

/// <summary>
/// Guards the workbook upload before anything reads the body (anti-forgery and model binding both read the form): a
/// declared length over <see cref="AnswerWorkbookOptions.MaxFileBytes"/> plus framing is answered with a redirect and
/// a German message without reading; otherwise the server-side body limit is lowered to the same bound.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class WorkbookUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string TempDataKey = "WorkbookUploadError";

    private const long FramingAllowance = 16 * 1024;

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

        var maxFile = http.RequestServices.GetRequiredService<IOptions<AnswerWorkbookOptions>>().Value.MaxFileBytes;
        var limit = maxFile + FramingAllowance;
        if (request.ContentLength > limit)
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[TempDataKey] = t["Die Datei ist zu groß: Erlaubt sind höchstens {0} MB. Es wurde nichts übernommen.", maxFile / (1024 * 1024)].Value;
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
