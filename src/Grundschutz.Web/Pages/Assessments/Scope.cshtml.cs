using Grundschutz.Domain.Assessments;
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

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The scope of an assessment (Modellierung): target objects, which modules apply to which target object,
/// modules deliberately not applied (with the reason A.3 asks for), adopted H requirements (Kern/Standard) and
/// which contributor answers which module. Every change is its own small form with its own handler; only the
/// municipality's ISB may change anything, and only while the state allows it.
/// </summary>
[Authorize]
public sealed class ScopeModel(GrundschutzDbContext db, CatalogContextCache catalogs, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TargetInput Target { get; set; } = new();

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    [BindProperty]
    public ExcludeInput Exclude { get; set; } = new();

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    public AssessmentHeader Header { get; private set; } = null!;

    /// <summary>The municipality's ISB: may change the scope (when the state allows it) and the assignments.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Scope changes are possible now (ISB and Draft/InProgress).</summary>
    public bool CanEditScope { get; private set; }

    /// <summary>Contributor assignments can be changed now (ISB and Draft/InProgress/Returned).</summary>
    public bool CanAssign { get; private set; }

    /// <summary>H requirements can be adopted under this approach (Kompendium Kern/Standard).</summary>
    public bool OffersHRequirements { get; private set; }

    public IReadOnlyList<TargetView> Targets { get; private set; } = [];

    /// <summary>Modules (Bausteine) or Grundschutz++ topics, grouped under their layer or practice.</summary>
    public IReadOnlyList<LayerView> Layers { get; private set; } = [];

    public IReadOnlyList<ExclusionView> Exclusions { get; private set; } = [];

    /// <summary>Modules neither applied to any target object nor excluded: these can be excluded.</summary>
    public IReadOnlyList<ModuleView> Excludable { get; private set; } = [];

    public IReadOnlyList<HRequirementView> HRequirements { get; private set; } = [];

    public IReadOnlyList<ContributorOption> Contributors { get; private set; } = [];

    public IReadOnlyList<AssignmentView> Assignments { get; private set; } = [];

    /// <summary>Modules applied to at least one target object, for the assignment select.</summary>
    public IReadOnlyList<ModuleView> AppliedModules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadViewAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddTargetAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, _, _) =>
        {
            const string key = $"{nameof(Target)}.{nameof(TargetInput.Name)}";
            if (string.IsNullOrWhiteSpace(Target.Name))
            {
                ModelState.AddModelError(key, t["Bitte geben Sie einen Namen für das Zielobjekt an."]);
                return null;
            }

            var target = Try(key, () => assessment.AddTargetObject(Target.Name, Target.Kind));
            return target is null ? null : t["Das Zielobjekt „{0}“ wurde angelegt.", target.Name].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostRenameTargetAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, _, _) =>
        {
            var targetId = Rename.TargetId ?? Guid.Empty;
            var key = RenameNameId(targetId);
            if (string.IsNullOrWhiteSpace(Rename.Name))
            {
                ModelState.AddModelError(key, t["Bitte geben Sie einen Namen für das Zielobjekt an."]);
                return null;
            }

            var done = Try(key, () =>
            {
                assessment.RenameTargetObject(targetId, Rename.Name, Rename.Kind);
                return true;
            });
            return done ? t["Das Zielobjekt „{0}“ wurde gespeichert.", Rename.Name.Trim()].Value : null;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveTargetAsync(Guid id, Guid targetId, bool force, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, _, _) =>
        {
            var name = assessment.TargetObjects.FirstOrDefault(x => x.Id == targetId)?.Name;
            var done = Try(RemoveId(targetId), () =>
            {
                assessment.RemoveTargetObject(targetId, force);
                return true;
            });
            return done ? t["Das Zielobjekt „{0}“ wurde entfernt.", name ?? ""].Value : null;
        }, cancellationToken);

    /// <summary>One form per target object: the checked modules are the wanted state; the difference is applied and unapplied.</summary>
    public Task<IActionResult> OnPostApplyModulesAsync(Guid id, Guid targetId, string[]? groupIds, bool force, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, catalog, modules) =>
        {
            var key = ApplyId(targetId);
            var target = assessment.TargetObjects.FirstOrDefault(x => x.Id == targetId);
            if (target is null)
            {
                ModelState.AddModelError("", t["Das Zielobjekt gibt es in dieser Bewertung nicht."]);
                return null;
            }

            var wanted = (groupIds ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToHashSet(StringComparer.Ordinal);
            foreach (var unknown in wanted.Where(g => !modules.ContainsKey(g)).Order(StringComparer.Ordinal))
            {
                ModelState.AddModelError(key, t["Den Baustein {0} gibt es in der Katalogversion dieser Bewertung nicht.", unknown]);
            }

            if (!ModelState.IsValid)
            {
                return null;
            }

            var current = assessment.ModuleApplications.Where(a => a.TargetObjectId == targetId).Select(a => a.GroupId).ToHashSet(StringComparer.Ordinal);
            var added = wanted.Except(current).OrderBy(catalog.GroupPosition).ThenBy(g => g, StringComparer.Ordinal).ToList();
            var removed = current.Except(wanted).OrderBy(catalog.GroupPosition).ThenBy(g => g, StringComparer.Ordinal).ToList();
            foreach (var groupId in added)
            {
                Try(key, () => assessment.ApplyModule(groupId, targetId));
            }

            foreach (var groupId in removed)
            {
                Try(key, () =>
                {
                    assessment.UnapplyModule(groupId, targetId, force);
                    return true;
                });
            }

            if (!ModelState.IsValid)
            {
                return null;
            }

            return added.Count == 0 && removed.Count == 0
                ? t["Keine Änderungen an den Bausteinen für „{0}“.", target.Name].Value
                : t["Bausteine für „{0}“ gespeichert: {1} hinzugefügt, {2} entfernt.", target.Name, added.Count, removed.Count].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostExcludeModuleAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, _, modules) =>
        {
            const string groupKey = $"{nameof(Exclude)}.{nameof(ExcludeInput.GroupId)}";
            const string reasonKey = $"{nameof(Exclude)}.{nameof(ExcludeInput.Reason)}";
            var groupId = Exclude.GroupId?.Trim();
            if (string.IsNullOrEmpty(groupId))
            {
                ModelState.AddModelError(groupKey, t["Bitte wählen Sie einen Baustein."]);
            }
            else if (!modules.ContainsKey(groupId))
            {
                ModelState.AddModelError(groupKey, t["Den Baustein {0} gibt es in der Katalogversion dieser Bewertung nicht.", groupId]);
            }

            if (string.IsNullOrWhiteSpace(Exclude.Reason))
            {
                ModelState.AddModelError(reasonKey, t["Bitte begründen Sie, warum der Baustein nicht angewendet wird."]);
            }
            else if (Exclude.Reason.Trim().Length > Assessment.MaxCommentLength)
            {
                ModelState.AddModelError(reasonKey, t["Die Begründung darf höchstens {0} Zeichen lang sein.", Assessment.MaxCommentLength]);
            }

            if (!ModelState.IsValid)
            {
                return null;
            }

            // A second send (double click, a stale tab) finds the justification already there: say what happened, not „jetzt“.
            var earlierReason = assessment.ModuleExclusions.FirstOrDefault(e => e.GroupId == groupId)?.Reason;
            var exclusion = Try(groupKey, () => assessment.ExcludeModule(groupId!, Exclude.Reason!));
            if (exclusion is null)
            {
                return null;
            }

            return earlierReason is null
                ? t["Der Baustein {0} ist jetzt als „nicht angewendet“ begründet.", exclusion.GroupId].Value
                : earlierReason == exclusion.Reason
                    ? t["Der Baustein {0} war bereits mit dieser Begründung als „nicht angewendet“ erfasst; nichts geändert.", exclusion.GroupId].Value
                    : t["Die Begründung für {0} wurde geändert.", exclusion.GroupId].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveExclusionAsync(Guid id, string? groupId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, _, _) =>
        {
            var before = assessment.ModuleExclusions.ToList();
            var done = Try("", () =>
            {
                assessment.RemoveModuleExclusion(groupId ?? "");
                return true;
            });
            var removed = before.Except(assessment.ModuleExclusions).FirstOrDefault();
            if (done && removed is null)
            {
                // Nothing matched (removed meanwhile in another tab, or a forged id): say so, and never echo the input.
                ModelState.AddModelError("", t["Für diesen Baustein ist keine Begründung (mehr) hinterlegt."]);
                return null;
            }

            return done ? t["Die Begründung für {0} wurde entfernt.", removed!.GroupId].Value : null;
        }, cancellationToken);

    /// <summary>The checked H requirements are the wanted set: new ones are adopted, unchecked ones dropped.</summary>
    public Task<IActionResult> OnPostAdoptHRequirementsAsync(Guid id, string[]? requirementIds, bool force, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, catalog, _) =>
        {
            const string key = "h-requirements";
            var wanted = (requirementIds ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal);
            var adopted = assessment.AdoptedHRequirements.ToHashSet(StringComparer.Ordinal);
            var added = wanted.Except(adopted).Order(StringComparer.Ordinal).ToList();
            var dropped = adopted.Except(wanted).Order(StringComparer.Ordinal).ToList();
            if (added.Count == 0 && dropped.Count == 0)
            {
                // Nothing to save – but in a state that locks the scope, say that rather than „saved“.
                return Try(key, () =>
                {
                    assessment.EnsureScopeEditable();
                    return true;
                })
                    ? t["Die Auswahl der H-Anforderungen ist unverändert."].Value
                    : null;
            }

            foreach (var requirementId in added)
            {
                var requirement = catalog.Find(requirementId);
                if (requirement is null)
                {
                    ModelState.AddModelError(key, t["Die Anforderung {0} gibt es in der Katalogversion dieser Bewertung nicht.", requirementId]);
                    continue;
                }

                Try(key, () =>
                {
                    assessment.AdoptHRequirement(requirement);
                    return true;
                });
            }

            foreach (var requirementId in dropped)
            {
                Try(key, () =>
                {
                    assessment.DropHRequirement(requirementId, force);
                    return true;
                });
            }

            if (!ModelState.IsValid)
            {
                return null;
            }

            return t["H-Anforderungen gespeichert: {0} übernommen, {1} entfernt.", added.Count, dropped.Count].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostAssignContributorAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (assessment, _, modules) =>
        {
            const string userKey = $"{nameof(Assign)}.{nameof(AssignInput.UserId)}";
            const string groupKey = $"{nameof(Assign)}.{nameof(AssignInput.GroupId)}";
            var contributors = await LoadContributorsAsync(assessment.MunicipalityId, cancellationToken);
            var contributor = contributors.FirstOrDefault(c => c.UserId == Assign.UserId);
            if (contributor is null)
            {
                // Also the answer to a forged user id of another municipality: only this municipality's contributors count.
                ModelState.AddModelError(userKey, t["Bitte wählen Sie eine mitwirkende Person Ihrer Kommune."]);
            }

            var groupId = Assign.GroupId?.Trim();
            if (string.IsNullOrEmpty(groupId) || !modules.ContainsKey(groupId))
            {
                ModelState.AddModelError(groupKey, t["Bitte wählen Sie einen Baustein."]);
            }

            if (!ModelState.IsValid)
            {
                return null;
            }

            var wasAssigned = assessment.ContributorAssignments.Any(c => c.UserId == contributor!.UserId && c.GroupId == groupId);
            var assignment = Try(groupKey, () => assessment.AssignContributor(contributor!.UserId, groupId!));
            if (assignment is null)
            {
                return null;
            }

            return wasAssigned
                ? t["{0} war bereits für {1} zuständig; nichts geändert.", contributor!.DisplayName, groupId!].Value
                : t["{0} ist jetzt für {1} zuständig.", contributor!.DisplayName, groupId!].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostUnassignContributorAsync(Guid id, string? userId, string? groupId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (assessment, _, _) =>
        {
            var before = assessment.ContributorAssignments.ToList();
            var done = Try("", () =>
            {
                assessment.UnassignContributor(userId ?? "", groupId ?? "");
                return true;
            });
            var removed = before.Except(assessment.ContributorAssignments).FirstOrDefault();
            if (done && removed is null)
            {
                ModelState.AddModelError("", t["Diese Zuständigkeit besteht nicht (mehr)."]);
                return null;
            }

            return done ? t["Die Zuständigkeit für {0} wurde entfernt.", removed!.GroupId].Value : null;
        }, cancellationToken);

    /// <summary>Id of the name field of a target object's rename form (and the error summary's link target).</summary>
    public static string RenameNameId(Guid targetId) => $"rename-name-{targetId:N}";

    /// <summary>Id of the remove form of a target object.</summary>
    public static string RemoveId(Guid targetId) => $"remove-target-{targetId:N}";

    /// <summary>Id of the module fieldset group of a target object.</summary>
    public static string ApplyId(Guid targetId) => $"apply-{targetId:N}";

    private Task<IActionResult> ChangeAsync(Guid id, Func<Assessment, CatalogContext, IReadOnlyDictionary<string, ModuleView>, string?> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, (a, c, m) => Task.FromResult(change(a, c, m)), cancellationToken);

    /// <summary>
    /// The common shape of every handler: load the aggregate the user may see (else 404), only the ISB of the
    /// municipality may change it (else 403), apply the change, save and redirect; rule failures re-show the page.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        Guid id,
        Func<Assessment, CatalogContext, IReadOnlyDictionary<string, ModuleView>, Task<string?>> change,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AssessmentAccess.LoadAggregateAsync(db, user, id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        if (!IsManager(user!, assessment))
        {
            return Forbid();
        }

        // Field errors of the other forms on this page are not about this request.
        ModelState.Clear();
        var catalog = await catalogs.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var modules = await LoadModulesAsync(assessment.CatalogVersionId, catalog, assessment, cancellationToken);
        var status = await change(assessment, catalog, modules.ToDictionary(m => m.GroupId, StringComparer.Ordinal));
        if (status is null || !ModelState.IsValid)
        {
            // Nothing is saved: forget the half-applied changes and show the page with the messages.
            db.ChangeTracker.Clear();
            return await LoadViewAsync(id, cancellationToken) ? Page() : NotFound();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", t["Die Bewertung wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie den aktuellen Stand und versuchen Sie es erneut."].Value);
            return await LoadViewAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["StatusMessage"] = status;
        return RedirectToPage(new { id });
    }

    private T? Try<T>(string key, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (AssessmentRuleException ex)
        {
            ModelState.AddModelError(key, DomainText.Of(t, ex));
            return default;
        }
    }

    private static bool IsManager(CurrentUser user, Assessment assessment) =>
        user.IsIsb && AssessmentAccess.IsOwnMunicipality(user, assessment.MunicipalityId);

    private async Task<bool> LoadViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var visible = AssessmentAccess.Visible(db, user).AsNoTracking().Where(a => a.Id == id);
        var assessment = await visible
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            return false;
        }

        Header = await AssessmentHeader.LoadAsync(db, assessment, cancellationToken);
        CanManage = IsManager(user!, assessment);
        CanEditScope = CanManage && assessment.CanEditScope;
        CanAssign = CanManage && assessment.CanEditAnswers;
        OffersHRequirements = assessment.Approach is Approach.Kern or Approach.Standard;

        var catalog = await catalogs.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var modules = await LoadModulesAsync(assessment.CatalogVersionId, catalog, assessment, cancellationToken);
        var moduleById = modules.ToDictionary(m => m.GroupId, StringComparer.Ordinal);
        var layerTitles = await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == assessment.CatalogVersionId && (g.Kind == GroupKind.Layer || g.Kind == GroupKind.Practice))
            .OrderBy(g => g.Sequence)
            .Select(g => new { g.GroupId, g.Title })
            .ToListAsync(cancellationToken);
        var layers = layerTitles
            .Select(l => new LayerView(l.GroupId, l.Title, modules.Where(m => m.TopGroupId == l.GroupId).ToList()))
            .Where(l => l.Modules.Count > 0)
            .ToList();
        var orphans = modules.Where(m => layers.All(l => l.GroupId != m.TopGroupId)).ToList();
        if (orphans.Count > 0)
        {
            layers.Add(new LayerView("", t["Weitere Bausteine"].Value, orphans));
        }

        Layers = layers;

        var answered = await visible
            .SelectMany(a => a.Answers)
            .Where(x => x.Status != AnswerStatus.Open)
            .GroupBy(x => x.TargetObjectId)
            .Select(g => new { TargetObjectId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TargetObjectId, x => x.Count, cancellationToken);
        Targets = assessment.TargetObjects
            .OrderBy(x => x.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(x => new TargetView(
                x.Id,
                x.Name,
                x.Kind,
                assessment.ModuleApplications.Where(a => a.TargetObjectId == x.Id).Select(a => a.GroupId).ToHashSet(StringComparer.Ordinal),
                answered.GetValueOrDefault(x.Id)))
            .ToList();

        string TitleOf(string groupId) => moduleById.TryGetValue(groupId, out var m) ? m.Title : "";
        Exclusions = assessment.ModuleExclusions
            .OrderBy(e => catalog.GroupPosition(e.GroupId))
            .Select(e => new ExclusionView(e.GroupId, TitleOf(e.GroupId), e.Reason))
            .ToList();
        var applied = assessment.ModuleApplications.Select(a => a.GroupId).ToHashSet(StringComparer.Ordinal);
        var excluded = assessment.ModuleExclusions.Select(e => e.GroupId).ToHashSet(StringComparer.Ordinal);
        Excludable = modules.Where(m => !applied.Contains(m.GroupId) && !excluded.Contains(m.GroupId)).ToList();
        AppliedModules = modules.Where(m => applied.Contains(m.GroupId)).ToList();

        if (OffersHRequirements)
        {
            var adopted = assessment.AdoptedHRequirements.ToHashSet(StringComparer.Ordinal);
            var candidates = catalog.Requirements
                .Where(r => r.Level == RequirementLevel.Hoch && !r.Withdrawn && (applied.Contains(r.GroupId) || adopted.Contains(r.RequirementId)))
                .Select(r => r.RequirementId)
                .ToList();
            var titles = await db.Requirements.AsNoTracking()
                .Where(r => r.CatalogVersionId == assessment.CatalogVersionId && candidates.Contains(r.RequirementId))
                .Select(r => new { r.RequirementId, r.Title })
                .ToDictionaryAsync(r => r.RequirementId, r => r.Title, StringComparer.Ordinal, cancellationToken);
            HRequirements = candidates
                .Select(r => new HRequirementView(r, titles.GetValueOrDefault(r) ?? "", catalog.Find(r)!.GroupId, adopted.Contains(r)))
                .ToList();
        }

        Contributors = await LoadContributorsAsync(assessment.MunicipalityId, cancellationToken);
        var assignedIds = assessment.ContributorAssignments.Select(c => c.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => assignedIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.Name ?? u.Id, cancellationToken);
        Assignments = assessment.ContributorAssignments
            .Select(c => new AssignmentView(c.UserId, names.GetValueOrDefault(c.UserId) ?? c.UserId, c.GroupId, TitleOf(c.GroupId)))
            .OrderBy(c => catalog.GroupPosition(c.GroupId))
            .ThenBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return true;
    }

    /// <summary>The modules (Kompendium) or topics (Grundschutz++) of the version, in catalogue order, with requirement counts.</summary>
    private async Task<List<ModuleView>> LoadModulesAsync(int versionId, CatalogContext catalog, Assessment assessment, CancellationToken cancellationToken)
    {
        var groups = await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == versionId && (g.Kind == GroupKind.Module || g.Kind == GroupKind.Topic))
            .OrderBy(g => g.Sequence)
            .Select(g => new { g.GroupId, g.Title, g.TopGroupId })
            .ToListAsync(cancellationToken);
        return groups
            .Select(g =>
            {
                var requirements = catalog.InGroup(g.GroupId);
                return new ModuleView(
                    g.GroupId,
                    g.Title,
                    g.TopGroupId,
                    requirements.Count(r => !r.Withdrawn),
                    requirements.Count(assessment.IsApplicable));
            })
            .ToList();
    }

    private Task<List<ContributorOption>> LoadContributorsAsync(int municipalityId, CancellationToken cancellationToken) =>
        (from u in db.Users.AsNoTracking()
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.MunicipalityId == municipalityId && r.Name == Roles.Contributor
         orderby u.DisplayName, u.UserName
         select new ContributorOption(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id))
        .ToListAsync(cancellationToken);

    /// <summary>Add a target object.</summary>
    public sealed class TargetInput
    {
        public string? Name { get; set; }

        public string? Kind { get; set; }
    }

    /// <summary>Rename a target object or change its kind.</summary>
    public sealed class RenameInput
    {
        public Guid? TargetId { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }
    }

    /// <summary>Record that a module is not applied, and why.</summary>
    public sealed class ExcludeInput
    {
        public string? GroupId { get; set; }

        public string? Reason { get; set; }
    }

    /// <summary>Let a contributor answer a module.</summary>
    public sealed class AssignInput
    {
        public string? UserId { get; set; }

        public string? GroupId { get; set; }
    }

    public sealed record TargetView(Guid Id, string Name, string? Kind, IReadOnlySet<string> AppliedGroupIds, int AnsweredCount);

    public sealed record LayerView(string GroupId, string Title, IReadOnlyList<ModuleView> Modules);

    /// <param name="Requirements">Requirements of the module that are not withdrawn.</param>
    /// <param name="Applicable">Of those, the ones this assessment's approach asks for.</param>
    public sealed record ModuleView(string GroupId, string Title, string TopGroupId, int Requirements, int Applicable);

    public sealed record ExclusionView(string GroupId, string Title, string Reason);

    public sealed record HRequirementView(string RequirementId, string Title, string GroupId, bool Adopted);

    public sealed record ContributorOption(string UserId, string DisplayName);

    public sealed record AssignmentView(string UserId, string DisplayName, string GroupId, string GroupTitle);
}
