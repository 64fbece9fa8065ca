using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// A request that selects none of a page's handlers – a POST to a page that only shows something, an unknown
/// <c>?handler=</c> name, another method – is answered with 404 instead of rendering the page without its data
/// (Razor Pages renders a page whose handler was not found, and the view then fails on the model it expects).
/// Pages without any handler method (plain views) are rendered as before.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
