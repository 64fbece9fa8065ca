using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>Creates a municipality by hand (e.g. one missing from the directory, or a Kreisverwaltung).</summary>
public sealed class CreateModel(GrundschutzDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public MunicipalityInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.TryParse(ModelState, t, nameof(Input), out var ags, out var population))
        {
            return Page();
        }

        if (await db.Municipalities.AnyAsync(m => m.Ags == ags!.Value, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Ags)}", t["Eine Kommune mit dem Amtlichen Gemeindeschlüssel {0} gibt es bereits.", ags!.Value]);
            return Page();
        }

        var now = time.GetUtcNow();
        var municipality = new Municipality
        {
            KreisName = string.IsNullOrWhiteSpace(Input.KreisName) ? null : Input.KreisName.Trim(),
            Population = population,
            Type = Input.Type!.Value,
            Source = Municipality.ManualSource,
            CreatedAt = now,
            UpdatedAt = now,
        };
        municipality.SetAgs(ags!);
        municipality.SetName(Input.Name!.Trim());
        db.Municipalities.Add(municipality);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same AGS in the meantime: the unique index refused it.
            if (!await db.Municipalities.AsNoTracking().AnyAsync(m => m.Ags == ags!.Value, cancellationToken))
            {
                throw;
            }

            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Ags)}", t["Eine Kommune mit dem Amtlichen Gemeindeschlüssel {0} gibt es bereits.", ags!.Value]);
            return Page();
        }

        TempData["StatusMessage"] = t["Die Kommune „{0}“ wurde angelegt.", municipality.Name].Value;
        return RedirectToPage("Index", new { q = municipality.Ags });
    }
}
