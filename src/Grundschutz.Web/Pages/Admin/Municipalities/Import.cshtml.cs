using System.Text.Json;

using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>Upload of the Destatis GV100AD file by an administrator; the same import as the CLI.</summary>
public sealed class ImportModel(
    MunicipalityImportService importer,
    GrundschutzDbContext db,
    IOptions<MunicipalityImportOptions> options,
    IStringLocalizer<SharedResource> t) : PageModel
{
    private const string ResultKey = "MunicipalityImportResult";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public MunicipalityImportResult? Result { get; private set; }

    public string LimitText => CatalogImportService.FormatBytes(options.Value.MaxFileBytes);

    /// <summary>For the attribution.</summary>
    public string Gebietsstand { get; private set; } = Gv100AdAttribution.DefaultGebietsstand;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[ResultKey] is string json)
        {
            Result = JsonSerializer.Deserialize<MunicipalityImportResult>(json);
        }

        Gebietsstand = await Gv100AdAttribution.GebietsstandAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Gebietsstand = await Gv100AdAttribution.GebietsstandAsync(db, cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Bitte wählen Sie eine Datei aus."]);
            return Page();
        }

        MunicipalityImportResult result;
        try
        {
            result = await importer.ImportAsync(
                new MunicipalityImportFile(Path.GetFileName(Upload.FileName), Upload.Length, Upload.OpenReadStream), cancellationToken);
        }
        catch (MunicipalityImportException ex)
        {
            ModelState.AddModelError(nameof(Upload), DomainText.Of(t, ex) + " " + t["Es wurde nichts gespeichert."]);
            return Page();
        }

        // Post-redirect-get: a reload does not upload again.
        TempData[ResultKey] = JsonSerializer.Serialize(result);
        TempData["StatusMessage"] = t["Import abgeschlossen."].Value;
        return RedirectToPage();
    }
}
