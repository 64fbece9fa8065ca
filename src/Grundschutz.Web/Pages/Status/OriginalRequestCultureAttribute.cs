using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Grundschutz.Web.Pages.Status;

/// <summary>
/// The status page in the language of the request that failed. UseStatusCodePagesWithReExecute runs the page without
/// the original query string, so request localization sees no <c>culture=en</c> and falls back to the cookie or German.
/// This filter asks the app's own query-string providers (same keys, same supported cultures, same fallback to the
/// parent culture) about the original query and, when they name a culture, uses it for the rest of the request. It is
/// a resource filter so that the culture stays set for the handler and the view with its layout: a culture set inside a
/// handler would be undone when the handler's async call returns.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OriginalRequestCultureAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalQueryString: { Length: > 0 } query })
        {
            var options = http.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
            if (await FromQueryAsync(options, query) is { } chosen)
            {
                CultureInfo.CurrentCulture = chosen.Culture;
                CultureInfo.CurrentUICulture = chosen.UICulture;
                http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(chosen, provider: null));
            }
        }

        await next();
    }

    /// <summary>What request localization would have chosen from <paramref name="query"/> alone, or null.</summary>
    private static async Task<RequestCulture?> FromQueryAsync(RequestLocalizationOptions options, string query)
    {
        // The providers read the request; a detached context carries the original query and nothing else.
        var probe = new DefaultHttpContext();
        probe.Request.QueryString = new QueryString(query);
        foreach (var provider in options.RequestCultureProviders.OfType<QueryStringRequestCultureProvider>())
        {
            if (await provider.DetermineProviderCultureResult(probe) is not { } result)
            {
                continue;
            }

            var culture = Supported(result.Cultures, options.SupportedCultures, options.FallBackToParentCultures);
            var uiCulture = Supported(result.UICultures, options.SupportedUICultures, options.FallBackToParentUICultures);
            if (culture is null && uiCulture is null)
            {
                continue;
            }

            return new RequestCulture(culture ?? options.DefaultRequestCulture.Culture, uiCulture ?? options.DefaultRequestCulture.UICulture);
        }

        return null;
    }

    private static CultureInfo? Supported(IList<StringSegment> names, IList<CultureInfo>? supported, bool fallBackToParent)
    {
        foreach (var name in names)
        {
            CultureInfo? culture;
            try
            {
                culture = CultureInfo.GetCultureInfo(name.ToString());
            }
            catch (CultureNotFoundException)
            {
                continue;
            }

            for (; culture is not null && !Equals(culture, CultureInfo.InvariantCulture); culture = fallBackToParent ? culture.Parent : null)
            {
                var match = supported?.FirstOrDefault(s => string.Equals(s.Name, culture.Name, StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return match;
                }
            }
        }

        return null;
    }
}
