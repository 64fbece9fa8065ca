using System.Security.Claims;
using Grundschutz.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Infrastructure;

/// <summary>Adds the claims the pages need without a database round trip per request.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "grundschutz:must_change_password";
    public const string DisplayNameClaim = "grundschutz:display_name";
    public const string MunicipalityClaim = "grundschutz:municipality";
    public const string AuditorLandsClaim = "grundschutz:auditor_lands";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.MunicipalityId is { } municipalityId)
        {
            identity.AddClaim(new Claim(MunicipalityClaim, municipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.AuditorLands))
        {
            identity.AddClaim(new Claim(AuditorLandsClaim, user.AuditorLands));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
