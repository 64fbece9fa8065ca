using System.Globalization;
using System.Security.Claims;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Who is asking, read from the sign-in cookie's claims (no database round trip): user id, roles, the
/// municipality (ISB, Contributor) and the Länder (Auditor).
/// </summary>
public sealed record CurrentUser(string UserId, string UserName, IReadOnlySet<string> Roles, int? MunicipalityId, IReadOnlySet<string> AuditorLands)
{
    public bool IsAdministrator => Roles.Contains(Grundschutz.Infrastructure.Identity.Roles.Administrator);

    public bool IsIsb => Roles.Contains(Grundschutz.Infrastructure.Identity.Roles.Isb);

    public bool IsContributor => Roles.Contains(Grundschutz.Infrastructure.Identity.Roles.Contributor);

    public bool IsAuditor => Roles.Contains(Grundschutz.Infrastructure.Identity.Roles.Auditor);

    public bool IsFacilitator => Roles.Contains(Grundschutz.Infrastructure.Identity.Roles.Facilitator);

    /// <summary>The domain's view of the user.</summary>
    public Actor ToActor() => new(UserId, Roles);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        int? municipality = int.TryParse(principal.FindFirstValue(AppClaimsPrincipalFactory.MunicipalityClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var lands = (principal.FindFirstValue(AppClaimsPrincipalFactory.AuditorLandsClaim) ?? "")
            .Split('|', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(id, principal.Identity.Name ?? id, roles, municipality, lands);
    }
}
