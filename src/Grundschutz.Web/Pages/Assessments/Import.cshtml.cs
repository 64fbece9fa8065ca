using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The ISB creates a new assessment of their own municipality (from the sign-in, never from the file) from an OSCAL
/// assessment-results file, e.g. one exported here: same catalogue version, approach, target objects, modules and
/// answers. Every problem is shown as a message in the reader's language and nothing is saved.
/// </summary>
[Authorize(Roles = Roles.Isb)]
public sealed class ImportModel(AssessmentResultsImporter importer, IOptions<OscalOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Details of a refused file (schema violations, unknown ids).</summary>
    public IReadOnlyList<string> Details { get; private set; } = [];

    public string LimitText => CatalogImportService.FormatBytes(options.Value.MaxImportBytes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User)!;
        if (user.MunicipalityId is not { } municipalityId)
        {
            ModelState.AddModelError(nameof(Upload), t["Ihrem Konto ist keine Kommune zugeordnet. Bitte wenden Sie sich an die Administration."]);
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Bitte wählen Sie eine Datei aus."]);
            return Page();
        }

        try
        {
            await using var stream = Upload.OpenReadStream();
            var assessment = await importer.ImportAsync(stream, Upload.Length, municipalityId, user.ToActor(), cancellationToken);
            TempData["StatusMessage"] = t["Die Bewertung „{0}“ wurde aus der OSCAL-Datei angelegt ({1} Antworten).", assessment.Title, assessment.Answers.Count].Value;
            return Redirect(AssessmentLinks.Overview(assessment.Id));
        }
        catch (AssessmentResultsImportException ex)
        {
            ModelState.AddModelError(nameof(Upload), DomainText.Of(t, ex) + " " + t["Es wurde nichts gespeichert."]);
            Details = [.. ex.DetailTexts.Select(d => DomainText.Of(t, d))];
            return Page();
        }
    }
}
