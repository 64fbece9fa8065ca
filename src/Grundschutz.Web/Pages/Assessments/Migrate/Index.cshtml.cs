using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Assessments.Migration;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments.Migrate;

/// <summary>
/// Migration of an IT-Grundschutz (Edition 2023) assessment to Grundschutz++: the ISB chooses the target catalogue
/// version, an imported mapping collection and the approach; the preview (GET, nothing saved) shows per control the
/// prefill and the relationships that justified it, every question still to answer and the mapping targets missing in
/// the chosen version; „Entwurf anlegen“ (POST) saves the draft built by <see cref="MigrationPlanner"/>. Only the own
/// municipality's assessments (others: 404).
/// </summary>
[Authorize(Roles = Roles.Isb)]
public sealed class IndexModel(GrundschutzDbContext db, CatalogContextCache contexts, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Mapping { get; set; }

    [BindProperty(SupportsGet = true)]
    public Approach? Approach { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Title { get; set; }

    /// <summary>
    /// The id the draft will get, chosen when the preview is shown: the same form sent twice (a double click,
    /// „Zurück“ and send again) finds the draft it created the first time instead of creating a second one.
    /// </summary>
    [BindProperty]
    public Guid FormId { get; set; }

    public AssessmentHeader Header { get; private set; } = null!;

    /// <summary>False for a source that is not IT-Grundschutz.</summary>
    public bool IsItGrundschutz { get; private set; }

    public IReadOnlyList<Option> Versions { get; private set; } = [];

    public IReadOnlyList<Option> Mappings { get; private set; } = [];

    public IReadOnlyList<Approach> Approaches => ApproachRules.ApproachesFor(CatalogFramework.GrundschutzPlusPlus);

    /// <summary>The preview, when every choice is made.</summary>
    public MigrationPlan? Plan { get; private set; }

    /// <summary>Draft target object names by id (for the „needs an answer“ table).</summary>
    public IReadOnlyDictionary<Guid, string> DraftTargets { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        FormId = Guid.CreateVersion7(time.GetUtcNow());
        if (IsItGrundschutz && Version is not null && Mapping is not null)
        {
            try
            {
                Plan = await PlanAsync(loaded.Value.Source, loaded.Value.SourceLabel, cancellationToken);
            }
            catch (AssessmentRuleException ex)
            {
                ModelState.AddModelError(string.Empty, DomainText.Of(t, ex));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!IsItGrundschutz)
        {
            return Page();
        }

        var municipalityId = loaded.Value.Source.MunicipalityId;
        if (await CreatedAlreadyAsync(municipalityId, cancellationToken) is { } existing)
        {
            return existing;
        }

        MigrationPlan? plan = null;
        try
        {
            var draftId = await AssessmentAccess.UnusedFormIdAsync(db, FormId, cancellationToken);
            plan = await PlanAsync(loaded.Value.Source, loaded.Value.SourceLabel, cancellationToken, draftId);
        }
        catch (AssessmentRuleException ex)
        {
            ModelState.AddModelError(string.Empty, DomainText.Of(t, ex));
        }

        if (plan is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(string.Empty, t["Bitte wählen Sie Katalogversion, Zuordnung und Vorgehensweise."]);
            }

            return Page();
        }

        db.Assessments.Add(plan.Draft);
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

        TempData["StatusMessage"] = t["Der Grundschutz++-Entwurf „{0}“ wurde angelegt: {1} Anforderungen vorbelegt, {2} noch zu beantworten.", plan.Draft.Title, plan.PrefilledCount, plan.NeedsAnswer.Count].Value;
        return Redirect(AssessmentLinks.Overview(plan.Draft.Id));
    }

    private async Task<(Assessment Source, string SourceLabel)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User)!;
        var source = await AssessmentAccess.Visible(db, user).AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.Answers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (source is null || !AssessmentAccess.IsOwnMunicipality(user, source.MunicipalityId))
        {
            return null;
        }

        Header = await AssessmentHeader.LoadAsync(db, source, cancellationToken);
        IsItGrundschutz = source.Framework == CatalogFramework.ItGrundschutz;
        Versions = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Framework == CatalogFramework.GrundschutzPlusPlus)
            .OrderByDescending(v => v.ImportedAt).ThenByDescending(v => v.Id)
            .Select(v => new Option(v.Id, v.Title + " " + v.Version))
            .ToListAsync(cancellationToken);
        Mappings = await db.MappingCollections.AsNoTracking()
            .OrderByDescending(m => m.ImportedAt).ThenByDescending(m => m.Id)
            .Select(m => new Option(m.Id, m.Title + " " + m.Version))
            .ToListAsync(cancellationToken);
        Version ??= Versions.Count > 0 ? Versions[0].Id : null;
        Mapping ??= Mappings.Count > 0 ? Mappings[0].Id : null;
        Approach ??= Domain.Assessments.Approach.GsppNormal;
        Title = string.IsNullOrWhiteSpace(Title) ? Truncate($"{source.Title} (Grundschutz++)", Assessment.MaxTitleLength) : Title.Trim();
        var sourceLabel = await db.CatalogVersions.AsNoTracking().Where(v => v.Id == source.CatalogVersionId)
            .Select(v => v.Title + " " + v.Version).FirstOrDefaultAsync(cancellationToken) ?? "";
        return (source, sourceLabel);
    }

    /// <summary>The draft this form created already, as a redirect to its overview saying so; null if there is none.</summary>
    private async Task<IActionResult?> CreatedAlreadyAsync(int municipalityId, CancellationToken cancellationToken)
    {
        if (await AssessmentAccess.TitleCreatedByFormAsync(db, FormId, municipalityId, cancellationToken) is not { } title)
        {
            return null;
        }

        TempData["StatusMessage"] = t["Der Grundschutz++-Entwurf „{0}“ wurde bereits angelegt.", title].Value;
        return Redirect(AssessmentLinks.Overview(FormId));
    }

    private async Task<MigrationPlan?> PlanAsync(Assessment source, string sourceLabel, CancellationToken cancellationToken, Guid? draftId = null)
    {
        var version = Versions.FirstOrDefault(v => v.Id == Version);
        var mapping = await db.MappingCollections.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Mapping, cancellationToken);
        if (version is null || mapping is null || Approach is not { } approach || !ApproachRules.Fits(approach, CatalogFramework.GrundschutzPlusPlus))
        {
            return null;
        }

        var maps = await db.MapEntries.AsNoTracking()
            .Where(e => e.MappingCollectionId == mapping.Id)
            .OrderBy(e => e.Sequence)
            .Select(e => new MigrationMap(e.SetIndex, e.SourceId, e.SourceRequirementId, e.TargetId, e.Relationship))
            .ToListAsync(cancellationToken);
        var sourceCatalog = await contexts.GetAsync(db, source.CatalogVersionId, cancellationToken);
        var targetCatalog = await contexts.GetAsync(db, version.Id, cancellationToken);
        var user = CurrentUser.From(User)!;
        var plan = MigrationPlanner.Plan(
            source,
            sourceCatalog,
            maps,
            targetCatalog,
            version.Id,
            approach,
            Title ?? source.Title,
            new MigrationSource(sourceLabel, mapping.Title, mapping.Version),
            user.ToActor(),
            time.GetUtcNow(),
            draftId);
        DraftTargets = plan.Draft.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        return plan;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>One entry of a select.</summary>
    public sealed record Option(int Id, string Label);
}
