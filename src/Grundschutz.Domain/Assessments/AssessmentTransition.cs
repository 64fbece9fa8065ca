namespace Grundschutz.Domain.Assessments;

/// <summary>One recorded state change of an assessment: who, when, which trigger, and the comment.</summary>
public sealed class AssessmentTransition
{
    private AssessmentTransition()
    {
        ActorUserId = "";
    }

    internal AssessmentTransition(Guid id, AssessmentState from, AssessmentState to, AssessmentTrigger trigger, string actorUserId, DateTimeOffset at, string? comment)
    {
        Id = id;
        From = from;
        To = to;
        Trigger = trigger;
        ActorUserId = actorUserId;
        At = at;
        Comment = comment;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>State before the transition.</summary>
    public AssessmentState From { get; private set; }

    /// <summary>State after the transition.</summary>
    public AssessmentState To { get; private set; }

    /// <summary>The trigger that was fired.</summary>
    public AssessmentTrigger Trigger { get; private set; }

    /// <summary>The acting user's id.</summary>
    public string ActorUserId { get; private set; }

    /// <summary>When it happened (as passed in by the caller, UTC).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The comment given with the transition, if any.</summary>
    public string? Comment { get; private set; }
}
