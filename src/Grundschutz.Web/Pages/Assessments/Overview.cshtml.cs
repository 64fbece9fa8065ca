using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// One assessment at a glance: header, wizard steps, progress per module, completeness, the transition history
/// and the workflow actions. Each workflow trigger has its own handler; the Domain decides what is permitted, so a
/// forged trigger ends in the error summary with the Domain's message and changes nothing.
/// </summary>
[Authorize]
public sealed class OverviewModel(
    GrundschutzDbContext db, CatalogContextCache catalogs, TimeProvider time, IStringLocalizer<SharedResource> t,
    KpiSnapshotService snapshots, ILogger<OverviewModel> logger) : PageModel
{
    /// <summary>How many open or invalid questions the completeness section lists by name.</summary>
    public const int ListedProblems = 10;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AssessmentHeader Header { get; private set; } = null!;

    public bool IsReadOnly { get; private set; }

    public IReadOnlyList<StepView> Steps { get; private set; } = [];

    public IReadOnlyList<ModuleProgressView> Modules { get; private set; } = [];

    public ModuleProgress Overall { get; private set; } = new("", 0, 0);

    /// <summary>The questionnaire position to resume at, or null when there is nothing to answer.</summary>
    public int? ResumePosition { get; private set; }

    /// <summary>The user may answer (own municipality, state allows answers): show "Weiter bearbeiten".</summary>
    public bool CanAnswer { get; private set; }

    public bool IsComplete { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<ProblemView> ProblemDetails { get; private set; } = [];

    public IReadOnlyList<TransitionView> History { get; private set; } = [];

    /// <summary>The triggers the user may fire now: one form each.</summary>
    public IReadOnlyList<AssessmentTrigger> Permitted { get; private set; } = [];

    /// <summary>Why a trigger the user would normally have is blocked (e.g. Submit while answers are missing).</summary>
    public IReadOnlyList<TriggerCheck> Blocked { get; private set; } = [];

    public bool CanReopen { get; private set; }

    /// <summary>
    /// The transition that brought the assessment into its current state, shown above the progress when the
    /// municipality waits for the review (Submitted, InReview) or has to rework it (Returned, with the reviewer's
    /// comment); null in every other state and for users outside the municipality.
    /// </summary>
    public TransitionView? StateNotice { get; private set; }

    /// <summary>The assessment reopened from this one (the next cycle), if there is one.</summary>
    public SuccessorView? Successor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadViewAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostStartAnsweringAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.StartAnswering, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.Submit, cancellationToken);

    public Task<IActionResult> OnPostStartReviewAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.StartReview, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.Return, cancellationToken);

    public Task<IActionResult> OnPostReworkAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.Rework, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.Approve, cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        FireAsync(id, AssessmentTrigger.Archive, cancellationToken);

    /// <summary>Starts the next cycle: a new assessment with scope and answers copied; this one stays as it is.</summary>
    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AssessmentAccess.LoadAggregateAsync(db, user, id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        Assessment next;
        try
        {
            next = assessment.Reopen(user!.ToActor(), time.GetUtcNow());
        }
        catch (AssessmentRuleException ex)
        {
            return await RefuseAsync(id, "", DomainText.Of(t, ex), cancellationToken);
        }

        // One next cycle per assessment: a second „Wieder öffnen“ (a double click, another tab) is refused. The check
        // covers requests one after the other; renewing this assessment's concurrency stamp makes the second of two
        // simultaneous requests fail on saving.
        if (await SuccessorAsync(id, cancellationToken) is { } existing)
        {
            return await RefuseAsync(id, "", AlreadyReopened(existing), cancellationToken);
        }

        db.Entry(assessment).Property(GrundschutzDbContext.ConcurrencyStamp).CurrentValue = Guid.NewGuid();
        db.Assessments.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var successor = await SuccessorAsync(id, cancellationToken);
            return await RefuseAsync(
                id, "",
                successor is null ? t["Die Bewertung wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie den aktuellen Stand und versuchen Sie es erneut."].Value : AlreadyReopened(successor),
                cancellationToken);
        }

        TempData["StatusMessage"] = t["Die Bewertung „{0}“ wurde wieder geöffnet. Dies ist die neue Bewertung; Umfang und Antworten wurden übernommen.", next.Title].Value;
        return RedirectToPage(new { id = next.Id });
    }

    /// <summary>
    /// Why firing <paramref name="trigger"/> was refused, in the reader's language: a refusal that lists the unmet guards
    /// is rebuilt from its reasons (guard texts are resource keys; completeness problems are translated as on the page).
    /// </summary>
    private string RefusalText(AssessmentRuleException refusal, AssessmentTrigger trigger, Assessment assessment, CatalogContext catalog)
    {
        var listsReasons = refusal.Arguments.Count == 0 && !(refusal.Reasons.Count == 1 && refusal.Reasons[0] == refusal.Message);
        if (!listsReasons)
        {
            return DomainText.Of(t, refusal);
        }

        translatedReasons = Translations(assessment.CheckCompleteness(catalog, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
        var reasons = refusal.Reasons.Select(Reason);
        return t["„{0}“ ist nicht möglich:", t[AssessmentText.TriggerKey(trigger)].Value].Value + " " + string.Join(" ", reasons);
    }

    /// <summary>Id of the comment field of a trigger's form (and the error summary's link target).</summary>
    public static string CommentId(AssessmentTrigger trigger) => $"comment-{trigger}";

    private async Task<IActionResult> FireAsync(Guid id, AssessmentTrigger trigger, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AssessmentAccess.LoadAggregateAsync(db, user, id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        var catalog = await catalogs.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        try
        {
            assessment.Fire(trigger, user!.ToActor(), Input.Comment, time.GetUtcNow(), catalog);
        }
        catch (AssessmentRuleException ex)
        {
            var key = trigger == AssessmentTrigger.Return && string.IsNullOrWhiteSpace(Input.Comment) ? CommentId(trigger) : "";
            return await RefuseAsync(id, key, RefusalText(ex, trigger, assessment, catalog), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync(id, "", t["Die Bewertung wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie den aktuellen Stand und versuchen Sie es erneut."].Value, cancellationToken);
        }

        if (trigger is AssessmentTrigger.Submit or AssessmentTrigger.Approve)
        {
            await RefreshSnapshotAsync(id, cancellationToken);
        }

        TempData["StatusMessage"] = t["„{0}“ ist erledigt. Die Bewertung ist jetzt im Zustand „{1}“.",
            t[AssessmentText.TriggerKey(trigger)], t[AssessmentText.StateKey(assessment.State)]].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Brings the benchmarking KPI snapshot up to date right after a submission or approval, so the dashboard need not
    /// compute it on its first view. The transition is already saved: a failure here is only logged (the dashboard
    /// recomputes stale snapshots anyway).
    /// </summary>
    private async Task RefreshSnapshotAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await snapshots.RefreshAsync(id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "KPI snapshot of assessment {AssessmentId} could not be refreshed after the transition; the dashboard will compute it later.", id);
        }
    }

    /// <summary>The assessment reopened from this one, if any.</summary>
    private Task<SuccessorView?> SuccessorAsync(Guid id, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.PreviousAssessmentId == id)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new SuccessorView(a.Id, a.Title))
            .FirstOrDefaultAsync(cancellationToken);

    private string AlreadyReopened(SuccessorView successor) =>
        t["Diese Bewertung wurde bereits wieder geöffnet: Die Folgebewertung ist „{0}“.", successor.Title].Value;

    private async Task<IActionResult> RefuseAsync(Guid id, string key, string message, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(key, message);
        db.ChangeTracker.Clear();
        return await LoadViewAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AssessmentAccess.Visible(db, user).AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.Transitions)
            .Include(a => a.Answers).ThenInclude(a => a.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null || user is null)
        {
            return false;
        }

        Header = await AssessmentHeader.LoadAsync(db, assessment, cancellationToken);
        IsReadOnly = assessment.IsReadOnly;
        var catalog = await catalogs.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var actor = user.ToActor();

        var navigator = new QuestionnaireNavigator(assessment, catalog);
        Overall = navigator.Overall;
        ResumePosition = navigator.ResumePosition?.Position;
        CanAnswer = assessment.CanEditAnswers && AssessmentAccess.IsOwnMunicipality(user, assessment.MunicipalityId);

        var groupIds = navigator.Modules.Select(m => m.GroupId).ToList();
        var titles = await db.CatalogGroups.AsNoTracking()
            .Where(g => g.CatalogVersionId == assessment.CatalogVersionId && groupIds.Contains(g.GroupId))
            .Select(g => new { g.GroupId, g.Title })
            .ToDictionaryAsync(g => g.GroupId, g => g.Title, StringComparer.Ordinal, cancellationToken);
        Modules = navigator.Modules
            .Select(m => new ModuleProgressView(m.GroupId, titles.GetValueOrDefault(m.GroupId) ?? "", m.Answered, m.Total, navigator.InModule(m.GroupId)[0].Position))
            .ToList();

        var resumeStep = QuestionnaireWizard.ResumeStep(assessment, catalog, today);
        var wizard = new QuestionnaireWizard(assessment, catalog, today, resumeStep);
        Steps = QuestionnaireWizard.Steps
            .Select(step => new StepView(step, step == wizard.Step, wizard.CanGoTo(step), StepLink(step, assessment.Id)))
            .ToList();

        var report = assessment.CheckCompleteness(catalog, today);
        IsComplete = report.IsComplete;
        Problems = report.ProblemTexts().Select(p => t[p.Format, p.Arguments].Value).ToList();
        translatedReasons = Translations(report);
        ProblemDetails = report.Invalid
            .Select(i => new ProblemView(i.Key.RequirementId, TargetName(assessment, i.Key.TargetObjectId), navigator.Find(i.Key.RequirementId, i.Key.TargetObjectId)?.Position, string.Join(" ", i.Errors.Select(e => DomainText.Of(t, e)))))
            .Concat(report.Missing.Select(m => new ProblemView(m.RequirementId, TargetName(assessment, m.TargetObjectId), navigator.Find(m.RequirementId, m.TargetObjectId)?.Position, null)))
            .Take(ListedProblems)
            .ToList();

        var actorIds = assessment.Transitions.Select(x => x.ActorUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => actorIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.Name ?? u.Id, cancellationToken);
        History = Chronological(assessment.Transitions)
            .Select(x => new TransitionView(x.From, x.To, x.Trigger, names.GetValueOrDefault(x.ActorUserId) ?? t["unbekannt"].Value, x.At, x.Comment))
            .ToList();

        StateNotice = assessment.State is AssessmentState.Submitted or AssessmentState.InReview or AssessmentState.Returned
            && AssessmentAccess.IsOwnMunicipality(user, assessment.MunicipalityId)
                ? History.LastOrDefault(x => x.To == assessment.State)
                : null;

        Permitted = assessment.PermittedTriggers(actor, catalog, today);
        Successor = assessment.IsReadOnly ? await SuccessorAsync(assessment.Id, cancellationToken) : null;
        CanReopen = assessment.CanReopen(actor) && Successor is null;
        Blocked = Enum.GetValues<AssessmentTrigger>()
            .Where(trigger => !Permitted.Contains(trigger) && WouldNormallyFire(trigger, assessment.State, actor))
            .Select(trigger => assessment.CheckTrigger(trigger, actor, null, catalog, today))
            .Where(check => !check.Permitted)
            .ToList();
        return true;
    }

    private Dictionary<string, string> translatedReasons = new(StringComparer.Ordinal);

    /// <summary>The completeness problems, German (as the workflow names them as reasons) → the reader's language.</summary>
    private Dictionary<string, string> Translations(CompletenessReport report) =>
        report.Problems()
            .Zip(report.ProblemTexts().Select(p => t[p.Format, p.Arguments].Value))
            .ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    /// <summary>
    /// A reason why a workflow action is blocked, in the reader's language: the guard texts are resource keys, the
    /// completeness problems are translated like <see cref="Problems"/>.
    /// </summary>
    public string Reason(string german) => translatedReasons.TryGetValue(german, out var translated) ? translated : t[german].Value;

    /// <summary>The edge exists in this state and the actor has the role for it: only guards other than the role block it.</summary>
    private static bool WouldNormallyFire(AssessmentTrigger trigger, AssessmentState state, Actor actor) =>
        AssessmentWorkflow.Destination(state, trigger) is not null
        && trigger switch
        {
            AssessmentTrigger.StartAnswering or AssessmentTrigger.Submit or AssessmentTrigger.Rework => actor.IsIsb,
            AssessmentTrigger.StartReview or AssessmentTrigger.Return or AssessmentTrigger.Approve => actor.IsAuditor,
            _ => false,
        };

    private string? StepLink(WizardStep step, Guid id) => step switch
    {
        WizardStep.Scope => AssessmentLinks.Scope(id),
        WizardStep.Modules => "#progress-heading",
        WizardStep.Questions => ResumePosition is { } position ? AssessmentLinks.Question(id, position) : null,
        WizardStep.Summary => "#completeness-heading",
        WizardStep.Submit => "#actions-heading",
        _ => null,
    };

    /// <summary>
    /// Oldest first. Transitions saved within the same instant are put in an order that forms a chain of states
    /// (each one starts where the previous one ended, beginning with Draft), which the timestamps alone cannot tell.
    /// </summary>
    private static List<AssessmentTransition> Chronological(IEnumerable<AssessmentTransition> transitions)
    {
        var ordered = new List<AssessmentTransition>();
        var state = AssessmentState.Draft;
        foreach (var sameInstant in transitions.OrderBy(x => x.At).ThenBy(x => x.Id).GroupBy(x => x.At))
        {
            var group = sameInstant.ToList();
            var chain = new List<AssessmentTransition>(group.Count);
            var used = new bool[group.Count];
            if (!Chain(group, used, chain, state))
            {
                chain = group;
            }

            ordered.AddRange(chain);
            state = chain[^1].To;
        }

        return ordered;
    }

    /// <summary>Depth-first search for an order of <paramref name="group"/> in which every transition starts in the state the previous one ended in.</summary>
    private static bool Chain(List<AssessmentTransition> group, bool[] used, List<AssessmentTransition> chain, AssessmentState state)
    {
        if (chain.Count == group.Count)
        {
            return true;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (used[i] || group[i].From != state)
            {
                continue;
            }

            used[i] = true;
            chain.Add(group[i]);
            if (Chain(group, used, chain, group[i].To))
            {
                return true;
            }

            chain.RemoveAt(chain.Count - 1);
            used[i] = false;
        }

        return false;
    }

    private static string TargetName(Assessment assessment, Guid targetId) =>
        assessment.TargetObjects.FirstOrDefault(x => x.Id == targetId)?.Name ?? "";

    /// <summary>The comment that goes with a trigger.</summary>
    public sealed class InputModel
    {
        public string? Comment { get; set; }
    }

    /// <param name="IsCurrent">The step to continue with (aria-current="step").</param>
    /// <param name="IsReachable">The step's preconditions are met.</param>
    /// <param name="Href">Where the step is worked on, or null when there is nothing to link to.</param>
    public sealed record StepView(WizardStep Step, bool IsCurrent, bool IsReachable, string? Href);

    public sealed record ModuleProgressView(string GroupId, string Title, int Answered, int Total, int FirstPosition);

    /// <param name="Position">Questionnaire position, for a link.</param>
    /// <param name="Message">Why the answer is invalid; null when it is missing.</param>
    public sealed record ProblemView(string RequirementId, string TargetName, int? Position, string? Message);

    public sealed record TransitionView(AssessmentState From, AssessmentState To, AssessmentTrigger Trigger, string Who, DateTimeOffset At, string? Comment);
}

/// <summary>The next cycle's assessment, reopened from the one shown.</summary>
public sealed record SuccessorView(Guid Id, string Title);
