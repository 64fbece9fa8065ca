using Stateless;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The questionnaire wizard (Scope → Modules → Questions → Summary → Submit) as a Stateless machine.
/// Guards: every step after Scope needs at least one target object and one applied module; Submit
/// additionally needs a complete assessment (<see cref="CompletenessReport.IsComplete"/>). Going
/// back is always allowed. The step is not persisted by the domain; pages keep it (e.g. in the URL)
/// and pass it in as <c>start</c>, or use <see cref="ResumeStep"/>.
/// </summary>
public sealed class QuestionnaireWizard
{
    /// <summary>Guard text: the scope is missing.</summary>
    public const string GuardScope = "Bitte zuerst mindestens ein Zielobjekt anlegen und mindestens einen Baustein darauf anwenden.";

    private readonly Assessment _assessment;
    private readonly CatalogContext _catalog;
    private readonly DateOnly _today;
    private readonly StateMachine<WizardStep, WizardTrigger> _machine;
    private readonly StateMachine<WizardStep, WizardTrigger>.TriggerWithParameters<WizardStep> _goTo;
    private WizardStep _step;

    /// <summary>Creates the wizard.</summary>
    /// <param name="assessment">The assessment being filled in.</param>
    /// <param name="catalog">Its pinned catalogue.</param>
    /// <param name="today">Current date (for the completeness check).</param>
    /// <param name="start">The step to start at; if it cannot be entered, the furthest earlier step that can.</param>
    public QuestionnaireWizard(Assessment assessment, CatalogContext catalog, DateOnly today, WizardStep start = WizardStep.Scope)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(catalog);
        _assessment = assessment;
        _catalog = catalog;
        _today = today;
        _step = Enum.IsDefined(start) ? start : WizardStep.Scope;
        while (_step > WizardStep.Scope && MissingFor(_step).Count > 0)
        {
            _step--;
        }

        _machine = new StateMachine<WizardStep, WizardTrigger>(() => _step, s => _step = s);
        _goTo = _machine.SetTriggerParameters<WizardStep>(WizardTrigger.GoTo);
        var steps = Enum.GetValues<WizardStep>();
        foreach (var step in steps)
        {
            var configuration = _machine.Configure(step);
            if (step < WizardStep.Submit)
            {
                var next = step + 1;
                configuration.PermitIf(WizardTrigger.Next, next, () => MissingFor(next).Count == 0, $"„{AssessmentTexts.StepName(next)}“ ist erreichbar");
            }

            if (step > WizardStep.Scope)
            {
                configuration.Permit(WizardTrigger.Back, step - 1);
            }

            foreach (var target in steps.Where(t => t != step))
            {
                configuration.PermitIf(_goTo, target, requested => requested == target && MissingFor(target).Count == 0, $"„{AssessmentTexts.StepName(target)}“ ist erreichbar");
            }
        }
    }

    /// <summary>The current step.</summary>
    public WizardStep Step => _machine.State;

    /// <summary>All steps in order (for a step indicator).</summary>
    public static IReadOnlyList<WizardStep> Steps { get; } = Enum.GetValues<WizardStep>();

    /// <summary>True when <see cref="Next"/> would succeed.</summary>
    public bool CanNext => _machine.CanFire(WizardTrigger.Next);

    /// <summary>True when <see cref="Back"/> would succeed.</summary>
    public bool CanBack => _machine.CanFire(WizardTrigger.Back);

    /// <summary>
    /// The step to resume at: Scope while there is no scope, Summary when everything is answered and
    /// valid, otherwise Questions (use <see cref="QuestionnaireNavigator.ResumePosition"/> for the question).
    /// </summary>
    public static WizardStep ResumeStep(Assessment assessment, CatalogContext catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!HasScope(assessment))
        {
            return WizardStep.Scope;
        }

        return assessment.CheckCompleteness(catalog, today).IsComplete ? WizardStep.Summary : WizardStep.Questions;
    }

    /// <summary>True when <see cref="GoTo"/> with <paramref name="step"/> would succeed (the current step counts as reachable).</summary>
    public bool CanGoTo(WizardStep step) => step == Step || (Enum.IsDefined(step) && _machine.CanFire(_goTo, step));

    /// <summary>German reasons why <paramref name="step"/> cannot be entered (empty when it can).</summary>
    public IReadOnlyList<string> MissingFor(WizardStep step)
    {
        var reasons = new List<string>();
        if (step == WizardStep.Scope)
        {
            return reasons;
        }

        if (!HasScope(_assessment))
        {
            reasons.Add(GuardScope);
            return reasons;
        }

        if (step == WizardStep.Submit)
        {
            var report = _assessment.CheckCompleteness(_catalog, _today);
            reasons.AddRange(report.Problems());
        }

        return reasons;
    }

    /// <summary>Moves to the next step or throws <see cref="AssessmentRuleException"/> (nothing changes).</summary>
    public void Next()
    {
        if (Step == WizardStep.Submit)
        {
            throw AssessmentRuleException.Of("„Weiter“ ist im Schritt „{0}“ nicht möglich.", new Term(AssessmentTexts.StepName(Step)));
        }

        EnsureReachable(Step + 1);
        _machine.Fire(WizardTrigger.Next);
    }

    /// <summary>Moves to the previous step or throws <see cref="AssessmentRuleException"/> in the first step.</summary>
    public void Back()
    {
        if (!_machine.CanFire(WizardTrigger.Back))
        {
            throw AssessmentRuleException.Of("„Zurück“ ist im Schritt „{0}“ nicht möglich.", new Term(AssessmentTexts.StepName(Step)));
        }

        _machine.Fire(WizardTrigger.Back);
    }

    /// <summary>Jumps to a step or throws <see cref="AssessmentRuleException"/> (nothing changes); jumping to the current step does nothing.</summary>
    public void GoTo(WizardStep step)
    {
        if (!Enum.IsDefined(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step));
        }

        if (step == Step)
        {
            return;
        }

        EnsureReachable(step);
        _machine.Fire(_goTo, step);
    }

    private static bool HasScope(Assessment assessment) =>
        assessment.TargetObjects.Count > 0 && assessment.ModuleApplications.Count > 0;

    private void EnsureReachable(WizardStep step)
    {
        var missing = MissingFor(step);
        if (missing.Count > 0)
        {
            throw new AssessmentRuleException(
                $"Der Schritt „{AssessmentTexts.StepName(step)}“ ist noch nicht erreichbar: {string.Join(" ", missing)}",
                missing);
        }
    }
}
