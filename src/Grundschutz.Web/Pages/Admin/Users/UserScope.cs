namespace Grundschutz.Web.Pages.Admin.Users;

/// <summary>The validated tenant of a user: the municipality (ISB, Contributor) and the Länder (Auditor).</summary>
/// <param name="MunicipalityId">Null unless a role needs a municipality.</param>
/// <param name="AuditorLands">Encoded as "|05|06|"; empty unless the user is an Auditor.</param>
public sealed record UserScope(int? MunicipalityId, string AuditorLands);
