using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A self-assessment (IT-Grundschutz-Check or Grundschutz++ check) of one municipality against one
/// pinned catalogue version with one approach. Aggregate root: target objects, module applications,
/// answers and the workflow history change only through its methods. Every refused change throws
/// <see cref="AssessmentRuleException"/> with a German message and leaves the aggregate unchanged.
/// Time is always passed in by the caller.
/// </summary>
public sealed partial class Assessment
{
    /// <summary>Longest allowed title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest allowed transition comment or exclusion reason.</summary>
    public const int MaxCommentLength = 4000;

    private readonly List<TargetObject> _targetObjects = [];
    private readonly List<ModuleApplication> _moduleApplications = [];
    private readonly List<ModuleExclusion> _moduleExclusions = [];
    private readonly List<ContributorAssignment> _contributorAssignments = [];
    private readonly List<Answer> _answers = [];
    private readonly List<AssessmentTransition> _transitions = [];

#pragma warning disable IDE0044 // Not readonly: EF Core may replace a primitive collection on materialisation.
    private List<string> _adoptedHRequirements = [];
#pragma warning restore IDE0044

    private AssessmentWorkflow? _workflow;

    private Assessment()
    {
        Title = "";
        CreatedByUserId = "";
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>The assessed municipality.</summary>
    public int MunicipalityId { get; private set; }

    /// <summary>The pinned catalogue version.</summary>
    public int CatalogVersionId { get; private set; }

    /// <summary>The framework of the pinned catalogue.</summary>
    public CatalogFramework Framework { get; private set; }

    /// <summary>The approach (Vorgehensweise).</summary>
    public Approach Approach { get; private set; }

    /// <summary>Title, e.g. "IT-Grundschutz-Check 2026".</summary>
    public string Title { get; private set; }

    /// <summary>Workflow state; written only by <see cref="AssessmentWorkflow"/>.</summary>
    public AssessmentState State { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who created it.</summary>
    public string CreatedByUserId { get; private set; }

    /// <summary>The assessment this one was reopened from, if any.</summary>
    public Guid? PreviousAssessmentId { get; private set; }

    /// <summary>Target objects (Zielobjekte), in creation order.</summary>
    public IReadOnlyList<TargetObject> TargetObjects => _targetObjects;

    /// <summary>Modules applied to target objects.</summary>
    public IReadOnlyList<ModuleApplication> ModuleApplications => _moduleApplications;

    /// <summary>Modules deliberately not applied, with reasons (for A.3 Modellierung).</summary>
    public IReadOnlyList<ModuleExclusion> ModuleExclusions => _moduleExclusions;

    /// <summary>Ids of H requirements adopted into the scope (Kern/Standard).</summary>
    public IReadOnlyCollection<string> AdoptedHRequirements => _adoptedHRequirements;

    /// <summary>Which contributor may answer which module.</summary>
    public IReadOnlyList<ContributorAssignment> ContributorAssignments => _contributorAssignments;

    /// <summary>All answers.</summary>
    public IReadOnlyList<Answer> Answers => _answers;

    /// <summary>Recorded state changes, oldest first.</summary>
    public IReadOnlyList<AssessmentTransition> Transitions => _transitions;

    /// <summary>True in Approved and Archived: nothing can change except archiving.</summary>
    public bool IsReadOnly => State is AssessmentState.Approved or AssessmentState.Archived;

    /// <summary>True when answers may be recorded (Draft, InProgress, Returned).</summary>
    public bool CanEditAnswers => State is AssessmentState.Draft or AssessmentState.InProgress or AssessmentState.Returned;

    /// <summary>True when the scope may be changed (Draft, InProgress).</summary>
    public bool CanEditScope => State is AssessmentState.Draft or AssessmentState.InProgress;

    private AssessmentWorkflow Workflow => _workflow ??= new AssessmentWorkflow(this, () => State, s => State = s);

    /// <summary>Creates a new assessment in <see cref="AssessmentState.Draft"/>.</summary>
    /// <param name="municipalityId">The municipality assessed.</param>
    /// <param name="catalogVersionId">The catalogue version pinned.</param>
    /// <param name="framework">The framework of that catalogue version.</param>
    /// <param name="approach">The approach; must fit the framework (see <see cref="ApproachRules.Fits"/>).</param>
    /// <param name="title">Title (1–200 characters).</param>
    /// <param name="createdByUserId">The creating user.</param>
    /// <param name="now">Current time from the caller's TimeProvider.</param>
    /// <param name="id">
    /// The id, when the caller chose it in advance (a form that must not create a second assessment when it is sent
    /// twice); a new one from <paramref name="now"/> otherwise.
    /// </param>
    public static Assessment Create(int municipalityId, int catalogVersionId, CatalogFramework framework, Approach approach, string title, string createdByUserId, DateTimeOffset now, Guid? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdByUserId);
        if (!ApproachRules.Fits(approach, framework))
        {
            throw AssessmentRuleException.Of("Die Vorgehensweise „{0}“ passt nicht zum gewählten Katalog.", new Term(AssessmentTexts.ApproachName(approach)));
        }

        return new Assessment
        {
            Id = id is { } chosen && chosen != Guid.Empty ? chosen : Guid.CreateVersion7(now),
            MunicipalityId = municipalityId,
            CatalogVersionId = catalogVersionId,
            Framework = framework,
            Approach = approach,
            Title = CleanTitle(title),
            State = AssessmentState.Draft,
            CreatedAt = now,
            CreatedByUserId = createdByUserId,
        };
    }

    /// <summary>Changes the title (not in read-only states or during review).</summary>
    public void ChangeTitle(string title)
    {
        EnsureAnswersEditable("Der Titel");
        Title = CleanTitle(title);
    }

    /// <summary>
    /// Fires a workflow trigger and records who, when and the comment. Refused triggers throw
    /// <see cref="AssessmentRuleException"/> naming the state and trigger (or the unmet guards) and
    /// change nothing.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="actor">The acting user.</param>
    /// <param name="comment">Optional comment (required for <see cref="AssessmentTrigger.Return"/>).</param>
    /// <param name="now">Current time.</param>
    /// <param name="catalog">The pinned catalogue (for the completeness check of Submit; "today" is the date of <paramref name="now"/> in its own offset).</param>
    public void Fire(AssessmentTrigger trigger, Actor actor, string? comment, DateTimeOffset now, CatalogContext catalog)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(catalog);
        var cleanComment = Clean(comment);
        if (cleanComment?.Length > MaxCommentLength)
        {
            throw AssessmentRuleException.Of("Der Kommentar darf höchstens {0} Zeichen lang sein.", MaxCommentLength);
        }

        var request = new TransitionRequest(actor, cleanComment, commentPending: false, () => CheckCompleteness(catalog, DateOf(now)));
        var check = Workflow.Check(trigger, request);
        if (!check.Permitted)
        {
            throw new AssessmentRuleException(RefusalMessage(check), check.Reasons);
        }

        var from = State;
        Workflow.Fire(trigger, request);
        _transitions.Add(new AssessmentTransition(Guid.CreateVersion7(now), from, State, trigger, actor.UserId, now, cleanComment));
    }

    /// <summary>Whether <paramref name="trigger"/> could be fired now, with German reasons if not.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="actor">The acting user.</param>
    /// <param name="comment">The comment, or null when it will be entered later (the comment guard then counts as met).</param>
    /// <param name="catalog">The pinned catalogue.</param>
    /// <param name="today">Current date.</param>
    public TriggerCheck CheckTrigger(AssessmentTrigger trigger, Actor actor, string? comment, CatalogContext catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(catalog);
        var cleanComment = Clean(comment);
        var request = new TransitionRequest(actor, cleanComment, commentPending: cleanComment is null, () => CheckCompleteness(catalog, today));
        return Workflow.Check(trigger, request);
    }

    /// <summary>
    /// The triggers <paramref name="actor"/> may fire now (guards evaluated; the comment counts as
    /// still to be entered), in enum order — the buttons to show.
    /// </summary>
    public IReadOnlyList<AssessmentTrigger> PermittedTriggers(Actor actor, CatalogContext catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(catalog);
        var completeness = new Lazy<CompletenessReport>(() => CheckCompleteness(catalog, today));
        var permitted = new List<AssessmentTrigger>();
        foreach (var trigger in Enum.GetValues<AssessmentTrigger>())
        {
            var request = new TransitionRequest(actor, null, commentPending: true, () => completeness.Value);
            if (Workflow.Check(trigger, request).Permitted)
            {
                permitted.Add(trigger);
            }
        }

        return permitted;
    }

    /// <summary>True when <paramref name="actor"/> may call <see cref="Reopen"/> now (for showing the button).</summary>
    public bool CanReopen(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return IsReadOnly && actor.IsIsb;
    }

    /// <summary>True when <paramref name="userId"/> saved or changed any answer of this assessment (four-eyes check).</summary>
    public bool HasAnswered(string userId) =>
        _answers.Exists(a => a.UpdatedByUserId == userId || a.History.Any(h => h.UserId == userId));

    /// <summary>
    /// Starts the next cycle: a new assessment in Draft with the same municipality, catalogue
    /// version, approach and title, copying target objects, module applications and exclusions,
    /// adopted H requirements, contributor assignments and answers (values, history, evidence
    /// references, plus an "übernommen aus Bewertung …" history note). This assessment is not changed.
    /// Only the ISB may reopen, and only an approved or archived assessment.
    /// </summary>
    /// <param name="actor">The acting ISB.</param>
    /// <param name="now">Current time.</param>
    public Assessment Reopen(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsReadOnly)
        {
            throw AssessmentRuleException.Of("Nur genehmigte oder archivierte Bewertungen können wieder geöffnet werden (Zustand: „{0}“).", new Term(AssessmentTexts.StateName(State)));
        }

        if (!actor.IsIsb)
        {
            throw new AssessmentRuleException("Nur der oder die Informationssicherheitsbeauftragte (ISB) darf eine Bewertung wieder öffnen.");
        }

        var next = new Assessment
        {
            Id = Guid.CreateVersion7(now),
            MunicipalityId = MunicipalityId,
            CatalogVersionId = CatalogVersionId,
            Framework = Framework,
            Approach = Approach,
            Title = Title,
            State = AssessmentState.Draft,
            CreatedAt = now,
            CreatedByUserId = actor.UserId,
            PreviousAssessmentId = Id,
        };

        var targetMap = new Dictionary<Guid, Guid>();
        foreach (var target in _targetObjects)
        {
            var copy = new TargetObject(Guid.CreateVersion7(now), target.Name, target.Kind);
            targetMap.Add(target.Id, copy.Id);
            next._targetObjects.Add(copy);
        }

        foreach (var application in _moduleApplications)
        {
            next._moduleApplications.Add(new ModuleApplication(Guid.CreateVersion7(now), application.GroupId, targetMap[application.TargetObjectId]));
        }

        foreach (var exclusion in _moduleExclusions)
        {
            next._moduleExclusions.Add(new ModuleExclusion(Guid.CreateVersion7(now), exclusion.GroupId, exclusion.Reason));
        }

        next._adoptedHRequirements.AddRange(_adoptedHRequirements);
        foreach (var assignment in _contributorAssignments)
        {
            next._contributorAssignments.Add(new ContributorAssignment(Guid.CreateVersion7(now), assignment.UserId, assignment.GroupId));
        }

        var note = $"übernommen aus Bewertung „{Title}“ ({Id})";
        foreach (var answer in _answers)
        {
            if (targetMap.TryGetValue(answer.TargetObjectId, out var newTarget))
            {
                next._answers.Add(answer.CopyFor(next.Id, newTarget, note, actor.UserId, now));
            }
        }

        return next;
    }

    /// <summary>
    /// All requirement × target-object pairs that must be answered, in questionnaire order: modules
    /// in catalogue order, then requirement order, then target objects in creation order. A pair
    /// exists when the requirement's module is applied to the target object and the requirement is
    /// applicable under the approach.
    /// </summary>
    public IReadOnlyList<QuestionKey> ApplicableQuestions(CatalogContext catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var targetOrder = new Dictionary<Guid, int>();
        for (var i = 0; i < _targetObjects.Count; i++)
        {
            targetOrder[_targetObjects[i].Id] = i;
        }

        var byGroup = _moduleApplications
            .GroupBy(a => a.GroupId, StringComparer.Ordinal)
            .OrderBy(g => catalog.GroupPosition(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        var questions = new List<QuestionKey>();
        foreach (var group in byGroup)
        {
            var targets = group
                .Select(a => a.TargetObjectId)
                .Where(targetOrder.ContainsKey)
                .Distinct()
                .OrderBy(t => targetOrder[t])
                .ToList();
            foreach (var requirement in catalog.InGroup(group.Key))
            {
                if (!IsApplicable(requirement))
                {
                    continue;
                }

                foreach (var target in targets)
                {
                    questions.Add(new QuestionKey(group.Key, requirement.RequirementId, target));
                }
            }
        }

        return questions;
    }

    /// <summary>
    /// Checks every applicable pair: missing = no answer or status open; invalid = fails
    /// <see cref="AnswerValidator"/> (either severity).
    /// </summary>
    public CompletenessReport CheckCompleteness(CatalogContext catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var questions = ApplicableQuestions(catalog);
        var answers = AnswerLookup();
        var missing = new List<QuestionKey>();
        var invalid = new List<InvalidAnswer>();
        var answered = 0;
        foreach (var question in questions)
        {
            if (!answers.TryGetValue((question.RequirementId, question.TargetObjectId), out var answer) || !answer.IsAnswered)
            {
                missing.Add(question);
                continue;
            }

            answered++;
            var errors = AnswerValidator.Validate(answer.ToInput(), catalog.Find(question.RequirementId)!, today);
            if (errors.Count > 0)
            {
                invalid.Add(new InvalidAnswer(question, errors));
            }
        }

        return new CompletenessReport(questions.Count, answered, missing, invalid);
    }

    /// <summary>True when the requirement belongs to the scope under this assessment's approach and adopted H requirements.</summary>
    public bool IsApplicable(AssessedRequirement requirement) =>
        ApproachRules.IsApplicable(requirement, Approach, _adoptedHRequirements);

    internal Dictionary<(string RequirementId, Guid TargetObjectId), Answer> AnswerLookup()
    {
        var lookup = new Dictionary<(string, Guid), Answer>();
        foreach (var answer in _answers)
        {
            lookup[(answer.RequirementId, answer.TargetObjectId)] = answer;
        }

        return lookup;
    }

    private string RefusalMessage(TriggerCheck check) =>
        AssessmentWorkflow.Destination(State, check.Trigger) is null
            ? AssessmentTexts.NotPossible(check.Trigger, State)
            : $"„{AssessmentTexts.TriggerName(check.Trigger)}“ ist nicht möglich: {string.Join(" ", check.Reasons)}";

    private static DateOnly DateOf(DateTimeOffset now) => DateOnly.FromDateTime(now.DateTime);

    private static string CleanTitle(string title)
    {
        var clean = Clean(title);
        if (clean is null)
        {
            throw new AssessmentRuleException("Bitte einen Titel angeben.");
        }

        if (clean.Length > MaxTitleLength)
        {
            throw AssessmentRuleException.Of("Der Titel darf höchstens {0} Zeichen lang sein.", MaxTitleLength);
        }

        return clean;
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private void EnsureNotReadOnly()
    {
        if (IsReadOnly)
        {
            throw AssessmentRuleException.Of("Die Bewertung ist im Zustand „{0}“ schreibgeschützt.", new Term(AssessmentTexts.StateName(State)));
        }
    }

    /// <summary>Throws the rule's message when the scope cannot be changed in the current state (read-only or past answering).</summary>
    public void EnsureScopeEditable()
    {
        EnsureNotReadOnly();
        if (!CanEditScope)
        {
            throw AssessmentRuleException.Of("Der Umfang kann im Zustand „{0}“ nicht geändert werden.", new Term(AssessmentTexts.StateName(State)));
        }
    }

    private void EnsureAnswersEditable(string what = "Antworten")
    {
        EnsureNotReadOnly();
        if (!CanEditAnswers)
        {
            throw AssessmentRuleException.Of("{0} können im Zustand „{1}“ nicht geändert werden.", new Term(what), new Term(AssessmentTexts.StateName(State)));
        }
    }
}
