using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>Edits a municipality. The next GV100AD import overwrites name, Kreis, population and type again.</summary>
public sealed class EditModel(GrundschutzDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public MunicipalityInput Input { get; set; } = new();

    /// <summary>
    /// When the shown values were last changed (UTC ticks), sent back with the form: a save from a page loaded before
    /// someone else's save (another administrator, a second tab, the directory import) is shown again instead of
    /// silently overwriting the newer values; sending it once more then saves on purpose.
    /// </summary>
    [BindProperty]
    public long LoadedVersion { get; set; }

    public MunicipalityView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (municipality is null)
        {
            return NotFound();
        }

        View = MunicipalityView.Of(municipality);
        Fill(municipality);
        return Page();
    }

    /// <summary>The form with the stored values and their version.</summary>
    private void Fill(Municipality municipality)
    {
        LoadedVersion = municipality.UpdatedAt.UtcTicks;
        Input = new MunicipalityInput
        {
            Ags = municipality.Ags,
            Name = municipality.Name,
            KreisName = municipality.KreisName,
            Population = municipality.Population?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = municipality.Type,
        };
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (municipality is null)
        {
            return NotFound();
        }

        View = MunicipalityView.Of(municipality);
        if (!Input.TryParse(ModelState, t, nameof(Input), out var ags, out var population))
        {
            return Page();
        }

        if (await db.Municipalities.AnyAsync(m => m.Ags == ags!.Value && m.Id != id, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Ags)}", t["Eine Kommune mit dem Amtlichen Gemeindeschlüssel {0} gibt es bereits.", ags!.Value]);
            return Page();
        }

        var kreis = string.IsNullOrWhiteSpace(Input.KreisName) ? null : Input.KreisName.Trim();
        var name = Input.Name!.Trim();
        var changed = municipality.Ags != ags!.Value || municipality.Name != name || municipality.KreisName != kreis
            || municipality.Population != population || municipality.Type != Input.Type;

        // A change made on a page loaded before someone else's save: the newer values must not be overwritten unseen
        // (sent unchanged, e.g. twice, it changes nothing and is simply „Keine Änderungen“).
        if (changed && LoadedVersion != municipality.UpdatedAt.UtcTicks)
        {
            // Shown again through the page itself (post-redirect-get), so that the form holds the stored values.
            TempData["StatusMessage"] = t["Die Kommune wurde inzwischen geändert (am {0} UTC); nichts wurde gespeichert. Das Formular zeigt jetzt die gespeicherten Werte: Bitte Ihre Änderungen erneut eintragen.", municipality.UpdatedAt.UtcDateTime.ToString("g", System.Globalization.CultureInfo.CurrentCulture)].Value;
            return RedirectToPage("Edit", new { id });
        }

        if (changed)
        {
            municipality.SetAgs(ags);
            municipality.SetName(name);
            municipality.KreisName = kreis;
            municipality.Population = population;
            municipality.Type = Input.Type!.Value;
            municipality.Source = Municipality.ManualSource;
            municipality.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (!await db.Municipalities.AsNoTracking().AnyAsync(m => m.Ags == ags.Value && m.Id != id, cancellationToken))
                {
                    throw;
                }

                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Ags)}", t["Eine Kommune mit dem Amtlichen Gemeindeschlüssel {0} gibt es bereits.", ags.Value]);
                return Page();
            }
        }

        TempData["StatusMessage"] = changed
            ? t["Die Kommune „{0}“ wurde gespeichert.", name].Value
            : t["Keine Änderungen an „{0}“.", name].Value;
        return RedirectToPage("Index", new { q = ags.Value });
    }

    /// <summary>What the page shows besides the form.</summary>
    public sealed record MunicipalityView(int Id, string Ags, string Name, string LandName, string Source, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public static MunicipalityView Of(Municipality m) => new(m.Id, m.Ags, m.Name, m.LandName, m.Source, m.CreatedAt, m.UpdatedAt);
    }
}
