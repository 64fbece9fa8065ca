using System.Collections.ObjectModel;

using Stateless;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The assessment life cycle as a Stateless machine over the aggregate's persisted
/// <see cref="Assessment.State"/> (external-state constructor, one machine per aggregate).
/// Draft → InProgress → Submitted → InReview → Returned (→ InProgress) or Approved → Archived.
/// Fire triggers through <see cref="Assessment.Fire"/>, which records the transition.
/// </summary>
public sealed class AssessmentWorkflow
{
    /// <summary>Guard: only the ISB.</summary>
    public const string GuardIsb = "Nur der oder die Informationssicherheitsbeauftragte (ISB) darf das.";

    /// <summary>Guard: only an auditor.</summary>
    public const string GuardAuditor = "Nur eine Auditorin oder ein Auditor darf das.";

    /// <summary>Guard: only ISB or administration.</summary>
    public const string GuardIsbOrAdministrator = "Nur der oder die ISB oder die Administration darf das.";

    /// <summary>Guard: a scope must exist.</summary>
    public const string GuardScope = "Es muss mindestens ein Zielobjekt geben, auf das mindestens ein Baustein angewendet ist.";

    /// <summary>Guard: every applicable requirement answered and valid (replaced by the counts in messages).</summary>
    public const string GuardComplete = "Alle Anforderungen müssen vollständig und gültig beantwortet sein.";

    /// <summary>Guard: four-eyes principle.</summary>
    public const string GuardFourEyes = "Vier-Augen-Prinzip: Wer in dieser Bewertung Antworten erfasst hat, darf sie nicht genehmigen.";

    /// <summary>Guard: returning needs a comment.</summary>
    public const string GuardComment = "Für die Rückgabe ist ein Kommentar nötig, der sagt, was zu überarbeiten ist.";

    private static readonly ReadOnlyCollection<AllowedTransition> Edges = Array.AsReadOnly<AllowedTransition>(
    [
        new(AssessmentState.Draft, AssessmentTrigger.StartAnswering, AssessmentState.InProgress),
        new(AssessmentState.InProgress, AssessmentTrigger.Submit, AssessmentState.Submitted),
        new(AssessmentState.Submitted, AssessmentTrigger.StartReview, AssessmentState.InReview),
        new(AssessmentState.InReview, AssessmentTrigger.Return, AssessmentState.Returned),
        new(AssessmentState.InReview, AssessmentTrigger.Approve, AssessmentState.Approved),
        new(AssessmentState.Returned, AssessmentTrigger.Rework, AssessmentState.InProgress),
        new(AssessmentState.Approved, AssessmentTrigger.Archive, AssessmentState.Archived),
    ]);

    private readonly Assessment _assessment;
    private readonly StateMachine<AssessmentState, AssessmentTrigger> _machine;
    private readonly Dictionary<AssessmentTrigger, StateMachine<AssessmentState, AssessmentTrigger>.TriggerWithParameters<TransitionRequest>> _triggers = [];

    internal AssessmentWorkflow(Assessment assessment, Func<AssessmentState> readState, Action<AssessmentState> writeState)
    {
        _assessment = assessment;
        _machine = new StateMachine<AssessmentState, AssessmentTrigger>(readState, writeState);
        foreach (var trigger in Enum.GetValues<AssessmentTrigger>())
        {
            _triggers[trigger] = _machine.SetTriggerParameters<TransitionRequest>(trigger);
        }

        _machine.Configure(AssessmentState.Draft)
            .PermitIf(
                _triggers[AssessmentTrigger.StartAnswering],
                AssessmentState.InProgress,
                Guard(r => r.Actor.IsIsb, GuardIsb),
                Guard(_ => HasScope(), GuardScope));

        _machine.Configure(AssessmentState.InProgress)
            .PermitIf(
                _triggers[AssessmentTrigger.Submit],
                AssessmentState.Submitted,
                Guard(r => r.Actor.IsIsb, GuardIsb),
                Guard(r => r.Completeness.IsComplete, GuardComplete));

        _machine.Configure(AssessmentState.Submitted)
            .PermitIf(
                _triggers[AssessmentTrigger.StartReview],
                AssessmentState.InReview,
                Guard(r => r.Actor.IsAuditor, GuardAuditor));

        _machine.Configure(AssessmentState.InReview)
            .PermitIf(
                _triggers[AssessmentTrigger.Return],
                AssessmentState.Returned,
                Guard(r => r.Actor.IsAuditor, GuardAuditor),
                Guard(r => r.CommentPending || r.Comment is not null, GuardComment))
            .PermitIf(
                _triggers[AssessmentTrigger.Approve],
                AssessmentState.Approved,
                Guard(r => r.Actor.IsAuditor, GuardAuditor),
                Guard(r => !_assessment.HasAnswered(r.Actor.UserId), GuardFourEyes));

        _machine.Configure(AssessmentState.Returned)
            .PermitIf(
                _triggers[AssessmentTrigger.Rework],
                AssessmentState.InProgress,
                Guard(r => r.Actor.IsIsb, GuardIsb));

        _machine.Configure(AssessmentState.Approved)
            .PermitIf(
                _triggers[AssessmentTrigger.Archive],
                AssessmentState.Archived,
                Guard(r => r.Actor.IsIsb || r.Actor.HasRole(AssessmentRoles.Administrator), GuardIsbOrAdministrator));

        // Archived is final: no triggers configured.
        _machine.Configure(AssessmentState.Archived);
    }

    /// <summary>All edges of the workflow, before guards.</summary>
    public static IReadOnlyList<AllowedTransition> Transitions => Edges;

    /// <summary>The destination of <paramref name="trigger"/> in <paramref name="state"/>, or null if the workflow has no such edge.</summary>
    public static AssessmentState? Destination(AssessmentState state, AssessmentTrigger trigger) =>
        Edges.FirstOrDefault(e => e.From == state && e.Trigger == trigger)?.To;

    internal TriggerCheck Check(AssessmentTrigger trigger, TransitionRequest request)
    {
        if (Destination(_machine.State, trigger) is null || !_triggers.TryGetValue(trigger, out var parameterised))
        {
            return new TriggerCheck(trigger, false, [AssessmentTexts.NotPossible(trigger, _machine.State)]);
        }

        if (_machine.CanFire(parameterised, request, out var unmetGuards))
        {
            return new TriggerCheck(trigger, true, []);
        }

        var reasons = new List<string>();
        foreach (var description in unmetGuards)
        {
            if (description == GuardComplete && request.CompletenessComputed)
            {
                reasons.AddRange(request.Completeness.Problems());
            }
            else
            {
                reasons.Add(description);
            }
        }

        return new TriggerCheck(trigger, false, reasons);
    }

    internal void Fire(AssessmentTrigger trigger, TransitionRequest request) => _machine.Fire(_triggers[trigger], request);

    private bool HasScope() => _assessment.ModuleApplications.Count > 0;

    private static Tuple<Func<TransitionRequest, bool>, string> Guard(Func<TransitionRequest, bool> guard, string description) =>
        Tuple.Create(guard, description);
}
