using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The ISB creates a new assessment of their own municipality (from the sign-in, never from the file) from an OSCAL
/// assessment-results file, e.g. one exported here: same catalogue version, approach, target objects, modules and
/// answers. Every problem is shown as a message in the reader's language and nothing is saved.
/// </summary>
[Authorize(Roles = Roles.Isb)]
public sealed class ImportModel(
    AssessmentResultsImporter importer, GrundschutzDbContext db, TimeProvider time, IOptions<OscalOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>
    /// The id the assessment will get, chosen when the form is shown: the same form sent twice (a double click,
    /// „Zurück“ and send again) finds the assessment it created the first time instead of creating a second one.
    /// </summary>
    [BindProperty]
    public Guid FormId { get; set; }

    /// <summary>Details of a refused file (schema violations, unknown ids).</summary>
    public IReadOnlyList<string> Details { get; private set; } = [];

    public string LimitText => CatalogImportService.FormatBytes(options.Value.MaxImportBytes);

    public void OnGet()
    {
        FormId = Guid.CreateVersion7(time.GetUtcNow());
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

        if (await CreatedAlreadyAsync(municipalityId, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            await using var stream = Upload.OpenReadStream();
            var chosen = await AssessmentAccess.UnusedFormIdAsync(db, FormId, cancellationToken);
            var assessment = await importer.ImportAsync(stream, Upload.Length, municipalityId, user.ToActor(), chosen, cancellationToken);
            TempData["StatusMessage"] = t["Die Bewertung „{0}“ wurde aus der OSCAL-Datei angelegt ({1} Antworten).", assessment.Title, assessment.Answers.Count].Value;
            return Redirect(AssessmentLinks.Overview(assessment.Id));
        }
        catch (AssessmentResultsImportException ex)
        {
            ModelState.AddModelError(nameof(Upload), DomainText.Of(t, ex) + " " + t["Es wurde nichts gespeichert."]);
            Details = [.. ex.DetailTexts.Select(d => DomainText.Of(t, d))];
            return Page();
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request saved this id first.
            db.ChangeTracker.Clear();
            if (await CreatedAlreadyAsync(municipalityId, cancellationToken) is { } other)
            {
                return other;
            }

            throw;
        }
    }

    /// <summary>The assessment this form created already, as a redirect to it saying so; null if there is none.</summary>
    private async Task<IActionResult?> CreatedAlreadyAsync(int municipalityId, CancellationToken cancellationToken)
    {
        if (await AssessmentAccess.TitleCreatedByFormAsync(db, FormId, municipalityId, cancellationToken) is not { } title)
        {
            return null;
        }

        TempData["StatusMessage"] = t["Die Bewertung „{0}“ wurde bereits angelegt.", title].Value;
        return Redirect(AssessmentLinks.Overview(FormId));
    }
}
