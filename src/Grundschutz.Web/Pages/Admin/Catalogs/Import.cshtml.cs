using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Admin.Catalogs;

/// <summary>Upload of catalogue files by an administrator; the same pipeline as the CLI.</summary>
public sealed class ImportModel(CatalogImportService importer, IOptions<CatalogImportOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The message also serves the browser's check (otherwise ASP.NET's English default would be used).</summary>
    [BindProperty]
    [Required(ErrorMessage = "Bitte wählen Sie mindestens eine Datei aus.")]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<CatalogImportResult> Results { get; private set; } = [];

    public string LimitText => CatalogImportService.FormatBytes(options.Value.MaxFileBytes);

    public void OnGet()
    {
        if (TempData["ImportResults"] is string json)
        {
            try
            {
                Results = JsonSerializer.Deserialize<List<CatalogImportResult>>(json) ?? [];
            }
            catch (JsonException)
            {
                // Results written by an older version of the app (warnings as plain strings) during an update: the
                // import itself is saved; the page shows its status message and the catalogue list without the table.
                Results = [];
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), t["Bitte wählen Sie mindestens eine Datei aus."]);
            return Page();
        }

        IReadOnlyList<CatalogImportResult> results;
        try
        {
            results = await importer.ImportAsync(
                Files.Select(f => new CatalogImportFile(Path.GetFileName(f.FileName), f.Length, f.OpenReadStream)).ToList(),
                User.Identity?.Name,
                cancellationToken);
        }
        catch (CatalogImportException ex)
        {
            ModelState.AddModelError(nameof(Files), DomainText.Of(t, ex) + " " + t["Es wurde nichts gespeichert."]);
            return Page();
        }

        // Post-redirect-get: a reload does not upload again.
        TempData["ImportResults"] = JsonSerializer.Serialize(results);
        TempData["StatusMessage"] = t["Import abgeschlossen."].Value;
        return RedirectToPage();
    }
}
