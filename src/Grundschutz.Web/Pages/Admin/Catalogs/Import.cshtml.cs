using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Grundschutz.Domain.Catalog;
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

    /// <summary>Value of <see cref="Language"/> for „another language“, given in <see cref="OtherLanguage"/>.</summary>
    public const string OtherChoice = "other";

    /// <summary>
    /// The language of the catalogue texts: empty = what the file states (else <see cref="CatalogImportOptions.DefaultLanguage"/>),
    /// <c>de</c>, <c>en</c> or <see cref="OtherChoice"/>.
    /// </summary>
    [BindProperty]
    public string? Language { get; set; }

    /// <summary>A BCP 47 tag when <see cref="Language"/> is <see cref="OtherChoice"/>.</summary>
    [BindProperty]
    public string? OtherLanguage { get; set; }

    public IReadOnlyList<CatalogImportResult> Results { get; private set; } = [];

    /// <summary>The language used when the file states none.</summary>
    public string DefaultLanguage => options.Value.DefaultLanguage;

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
        }

        var language = ChosenLanguage();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        IReadOnlyList<CatalogImportResult> results;
        try
        {
            results = await importer.ImportAsync(
                Files.Select(f => new CatalogImportFile(Path.GetFileName(f.FileName), f.Length, f.OpenReadStream)).ToList(),
                User.Identity?.Name,
                language,
                cancellationToken);
        }
        catch (CatalogImportException ex)
        {
            ModelState.AddModelError(nameof(Files), DomainText.Of(t, ex) + " " + t["Es wurde nichts gespeichert."]);
            return Page();
        }

        // Post-redirect-get: a reload does not upload again (the form starts again from „as the file states“).
        TempData["ImportResults"] = JsonSerializer.Serialize(results);
        TempData["StatusMessage"] = t["Import abgeschlossen."].Value;
        return RedirectToPage();
    }

    /// <summary>The tag chosen in the form, normalised; null for „as the file states“. Errors go into model state.</summary>
    private string? ChosenLanguage()
    {
        switch (Language?.Trim())
        {
            case null or "":
                return null;
            case CatalogLanguage.German:
                return CatalogLanguage.German;
            case "en":
                return "en";
            case OtherChoice:
                if (string.IsNullOrWhiteSpace(OtherLanguage))
                {
                    ModelState.AddModelError(nameof(OtherLanguage), t["Bitte geben Sie das Sprachkennzeichen der Katalogtexte an (nach BCP 47, z. B. „fr“ oder „en-GB“)."]);
                    return null;
                }

                if (!CatalogLanguage.TryNormalize(OtherLanguage, out var tag))
                {
                    ModelState.AddModelError(nameof(OtherLanguage), t["„{0}“ ist kein gültiges Sprachkennzeichen. Bitte geben Sie es nach BCP 47 an, z. B. „fr“, „en-GB“ oder „pt-BR“.", OtherLanguage.Trim()]);
                    return null;
                }

                return tag;
            default:
                ModelState.AddModelError(nameof(Language), t["Bitte wählen Sie eine der angebotenen Sprachen."]);
                return null;
        }
    }
}
