using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The ISB starts a new assessment of their own municipality (taken from the sign-in, never from the form):
/// catalogue version, an approach that fits its framework, and a title.
/// </summary>
[Authorize(Roles = Roles.Isb)]
public sealed class CreateModel(GrundschutzDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>
    /// The id the assessment will get, chosen when the form is shown: the same form sent twice (a double click,
    /// „Zurück“ and send again) finds the assessment it created the first time instead of creating a second one.
    /// </summary>
    [BindProperty]
    public Guid FormId { get; set; }

    /// <summary>Imported catalogue versions, newest first.</summary>
    public IReadOnlyList<VersionOption> Versions { get; private set; } = [];

    /// <summary>The approaches that fit the selected version's framework.</summary>
    public IReadOnlyList<Approach> Approaches { get; private set; } = [];

    /// <summary>The version whose approaches are offered.</summary>
    public VersionOption? SelectedVersion { get; private set; }

    /// <summary>The municipality the assessment will be for, or null when the account has none.</summary>
    public string? MunicipalityName { get; private set; }

    /// <param name="version">The catalogue version to preselect (newest when absent or unknown).</param>
    /// <param name="title">The title typed so far (kept when the version is changed).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task OnGetAsync(int? version, string? title, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        FormId = Guid.CreateVersion7(time.GetUtcNow());
        Input.CatalogVersionId = Versions.Any(v => v.Id == version) ? version : DefaultVersionId();
        Input.Title = title ?? t["Selbstbewertung {0}", time.GetUtcNow().Year].Value;
        SelectVersion();
    }

    /// <summary>
    /// Without JavaScript: shows the approaches of the version chosen in the select (post-redirect-get). The title
    /// travels in the address, so it is cut to the longest title an assessment may have – an overlong one would make an
    /// address no server accepts (HTTP 414) – and the final save still checks it.
    /// </summary>
    public IActionResult OnPostChooseVersion() =>
        RedirectToPage(new { version = Input.CatalogVersionId, title = Input.Title is { Length: > Assessment.MaxTitleLength } typed ? typed[..Assessment.MaxTitleLength] : Input.Title });

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SelectVersion();
        var user = CurrentUser.From(User)!;
        if (MunicipalityName is null || user.MunicipalityId is not { } municipalityId)
        {
            ModelState.AddModelError("", t["Ihrem Konto ist keine Kommune zugeordnet. Bitte wenden Sie sich an die Administration."]);
            return Page();
        }

        if (await CreatedAlreadyAsync(municipalityId, cancellationToken) is { } existing)
        {
            return existing;
        }

        ModelState.Clear();
        if (SelectedVersion is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CatalogVersionId)}", t["Bitte wählen Sie eine Katalogversion."]);
        }

        if (Input.Approach is not { } approach || !Enum.IsDefined(approach))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Approach)}", t["Bitte wählen Sie eine Vorgehensweise."]);
        }
        else if (SelectedVersion is not null && !ApproachRules.Fits(approach, SelectedVersion.Framework))
        {
            ModelState.AddModelError(
                $"{nameof(Input)}.{nameof(Input.Approach)}",
                t["Die Vorgehensweise „{0}“ passt nicht zum gewählten Katalog.", t[AssessmentText.ApproachKey(approach)]]);
        }

        var title = Input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Title)}", t["Bitte geben Sie einen Titel an."]);
        }
        else if (title.Length > Assessment.MaxTitleLength)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Title)}", t["Der Titel darf höchstens {0} Zeichen lang sein.", Assessment.MaxTitleLength]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Assessment assessment;
        try
        {
            var chosen = await AssessmentAccess.UnusedFormIdAsync(db, FormId, cancellationToken);
            assessment = Assessment.Create(municipalityId, SelectedVersion!.Id, SelectedVersion.Framework, Input.Approach!.Value, title!, user.UserId, time.GetUtcNow(), chosen);
        }
        catch (AssessmentRuleException ex)
        {
            ModelState.AddModelError("", DomainText.Of(t, ex));
            return Page();
        }

        db.Assessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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

        TempData["StatusMessage"] = t["Die Bewertung „{0}“ wurde angelegt. Legen Sie jetzt die Zielobjekte und Bausteine fest.", assessment.Title].Value;
        return RedirectToPage("Scope", new { id = assessment.Id });
    }

    /// <summary>The assessment this form created already, as a redirect to its scope saying so; null if there is none.</summary>
    private async Task<IActionResult?> CreatedAlreadyAsync(int municipalityId, CancellationToken cancellationToken)
    {
        if (await AssessmentAccess.TitleCreatedByFormAsync(db, FormId, municipalityId, cancellationToken) is not { } title)
        {
            return null;
        }

        TempData["StatusMessage"] = t["Die Bewertung „{0}“ wurde bereits angelegt.", title].Value;
        return RedirectToPage("Scope", new { id = FormId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Versions = await db.CatalogVersions.AsNoTracking()
            .OrderByDescending(v => v.ImportedAt)
            .ThenByDescending(v => v.Id)
            .Select(v => new VersionOption(v.Id, v.Title, v.Version, v.Framework, v.RequirementCount - v.WithdrawnCount))
            .ToListAsync(cancellationToken);
        var municipalityId = CurrentUser.From(User)?.MunicipalityId;
        MunicipalityName = municipalityId is null
            ? null
            : await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken);
        LastUsedVersionId = municipalityId is null
            ? null
            : await db.Assessments.AsNoTracking()
                .Where(a => a.MunicipalityId == municipalityId)
                .OrderByDescending(a => a.CreatedAt)
                .Select(a => (int?)a.CatalogVersionId)
                .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The catalogue version of the municipality's newest assessment, if it has one.</summary>
    private int? LastUsedVersionId { get; set; }

    /// <summary>
    /// The version the form offers first: the one the municipality's newest assessment uses (the next cycle continues
    /// on it), else the one with the most requirements in force – the import order would put a small add-on catalogue
    /// (10 requirements on risk management) first whenever it was imported last. Ties: the newest import.
    /// </summary>
    private int? DefaultVersionId() =>
        Versions.Any(v => v.Id == LastUsedVersionId)
            ? LastUsedVersionId
            : Versions.OrderByDescending(v => v.Requirements).Select(v => (int?)v.Id).FirstOrDefault();

    private void SelectVersion()
    {
        SelectedVersion = Versions.FirstOrDefault(v => v.Id == Input.CatalogVersionId);
        Approaches = SelectedVersion is null ? [] : ApproachRules.ApproachesFor(SelectedVersion.Framework);
    }

    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        public int? CatalogVersionId { get; set; }

        public Approach? Approach { get; set; }

        public string? Title { get; set; }
    }

    /// <summary>One entry of the version select.</summary>
    public sealed record VersionOption(int Id, string Title, string Version, CatalogFramework Framework, int Requirements);
}
