using Microsoft.AspNetCore.Identity;

namespace Grundschutz.Infrastructure.Identity;

/// <summary>A person who signs in. Roles are Identity roles (see <see cref="Roles"/>).</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>True for the clearly marked demo accounts seeded in Development.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Set for the first administrator until the one-time password has been changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The municipality an ISB or Contributor belongs to (tenant); null for other roles.</summary>
    public int? MunicipalityId { get; set; }

    /// <summary>Auditors: the Länder (two-digit codes) they are scoped to, encoded "|05|06|".</summary>
    public string AuditorLands { get; set; } = "";
}
