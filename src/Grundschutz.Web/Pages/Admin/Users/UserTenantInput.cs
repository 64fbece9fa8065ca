using System.ComponentModel.DataAnnotations;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Admin.Users;

/// <summary>
/// The form fields both user pages share: the municipality (required for ISB and Contributor) and the Länder
/// (required for Auditor). Fields a role does not need are ignored, so a user never keeps a stale tenant.
/// </summary>
public class UserTenantInput
{
    /// <summary>AGS (8 digits) or the exact name of the municipality.</summary>
    [StringLength(200, ErrorMessage = "Die Angabe zur Kommune darf höchstens 200 Zeichen lang sein.")]
    public string? Municipality { get; set; }

    /// <summary>Two-digit Land codes (checkboxes).</summary>
    public List<string> AuditorLands { get; set; } = [];

    /// <summary>True when one of <paramref name="roles"/> works for one municipality.</summary>
    public static bool NeedsMunicipality(IEnumerable<string> roles) => roles.Any(r => r is Roles.Isb or Roles.Contributor);

    /// <summary>True when one of <paramref name="roles"/> is scoped to Länder.</summary>
    public static bool NeedsLands(IEnumerable<string> roles) => roles.Contains(Roles.Auditor);

    /// <summary>"|05|06|" → ["05", "06"].</summary>
    public static IReadOnlyList<string> DecodeLands(string? encoded) =>
        (encoded ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>["06", "05"] → "|05|06|" (sorted, distinct); empty for none.</summary>
    public static string EncodeLands(IEnumerable<string> codes)
    {
        var sorted = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "" : "|" + string.Join('|', sorted) + "|";
    }

    /// <summary>
    /// Checks the fields against <paramref name="roles"/> and resolves the municipality. Errors go into
    /// <paramref name="modelState"/> under <c>{prefix}.Municipality</c> and <c>{prefix}.AuditorLands</c>.
    /// </summary>
    /// <returns>The scope to store, or null when there were errors.</returns>
    public async Task<UserScope?> ValidateAsync(
        IReadOnlyCollection<string> roles, GrundschutzDbContext db, ModelStateDictionary modelState, string prefix,
        IStringLocalizer t, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        var municipalityKey = $"{prefix}.{nameof(Municipality)}";
        var landsKey = $"{prefix}.{nameof(AuditorLands)}";
        var ok = true;
        int? municipalityId = null;
        if (NeedsMunicipality(roles))
        {
            municipalityId = await ResolveMunicipalityAsync(db, modelState, municipalityKey, t, cancellationToken);
            ok &= municipalityId is not null;
        }

        var lands = "";
        if (NeedsLands(roles))
        {
            var codes = AuditorLands.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
            var unknown = codes.FirstOrDefault(c => !Land.TryFromCode(c, out _));
            if (unknown is not null)
            {
                modelState.AddModelError(landsKey, t["Unbekannter Landesschlüssel „{0}“.", unknown]);
                ok = false;
            }
            else if (codes.Count == 0)
            {
                modelState.AddModelError(landsKey, t["Bitte wählen Sie mindestens ein Land, für das geprüft wird."]);
                ok = false;
            }
            else
            {
                lands = EncodeLands(codes);
            }
        }

        return ok ? new UserScope(municipalityId, lands) : null;
    }

    private async Task<int?> ResolveMunicipalityAsync(
        GrundschutzDbContext db, ModelStateDictionary modelState, string key, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var text = Municipality?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            modelState.AddModelError(key, t["Bitte geben Sie die Kommune an (für ISB und Mitarbeit nötig)."]);
            return null;
        }

        if (text.All(char.IsAsciiDigit))
        {
            if (!Ags.TryParse(text, out var ags, out var error))
            {
                modelState.AddModelError(key, t[error]);
                return null;
            }

            var byAgs = await db.Municipalities.AsNoTracking().Where(m => m.Ags == ags.Value).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (byAgs is null)
            {
                modelState.AddModelError(key, t["Eine Kommune mit dem Amtlichen Gemeindeschlüssel {0} gibt es nicht.", ags.Value]);
            }

            return byAgs;
        }

        var folded = SearchText.Fold(text);
        var matches = await db.Municipalities.AsNoTracking().Where(m => m.SearchName == folded).Select(m => m.Id).Take(2).ToListAsync(cancellationToken);
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                modelState.AddModelError(key, t["Eine Kommune „{0}“ gibt es nicht. Bitte geben Sie den Amtlichen Gemeindeschlüssel (8 Ziffern) oder den genauen Namen an.", text]);
                return null;
            default:
                modelState.AddModelError(key, t["Mehrere Kommunen heißen „{0}“. Bitte geben Sie den Amtlichen Gemeindeschlüssel an.", text]);
                return null;
        }
    }
}
