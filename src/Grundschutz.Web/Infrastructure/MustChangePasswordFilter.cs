using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Grundschutz.Web.Infrastructure;

/// <summary>Sends a user who still has the one-time password to the change-password page, whatever they open.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true
            && user.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true")
            && !page.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)
            && !page.StartsWith("/Status", StringComparison.OrdinalIgnoreCase)
            && page != "/Error")
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return;
        }

        await next();
    }
}
