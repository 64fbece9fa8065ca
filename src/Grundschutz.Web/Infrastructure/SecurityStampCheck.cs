using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Runs ASP.NET Core Identity's security stamp check only when it is due. Identity hooks
/// <see cref="SecurityStampValidator.ValidatePrincipalAsync"/> into every authenticated request; that resolves the
/// validator, and with it the sign-in manager, user manager, user store and a database context, only to find in most
/// requests that the cookie was checked less than <see cref="SecurityStampValidatorOptions.ValidationInterval"/> ago.
/// This decides that first, with the same rule and clock as the validator (not due while the time since the cookie was
/// issued is at most the interval), and leaves everything else – reading the user, comparing the stamp, rejecting or
/// refreshing the cookie – to Identity.
/// </summary>
public static class SecurityStampCheck
{
    /// <summary>Wraps the events' principal validation (set by <c>AddIdentity</c>) so that it runs only when due.</summary>
    public static void OnlyWhenDue(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = context => IsDue(context) ? validate(context) : Task.CompletedTask;
    }

    private static bool IsDue(CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc;
        if (issued is null)
        {
            return true;
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SecurityStampValidatorOptions>>().CurrentValue;
        var clock = options.TimeProvider ?? services.GetRequiredService<TimeProvider>();
        return clock.GetUtcNow() - issued.Value > options.ValidationInterval;
    }
}
