namespace Grundschutz.Domain.Assessments;

/// <summary>What the workflow guards look at when a trigger is checked or fired.</summary>
internal sealed class TransitionRequest
{
    private readonly Lazy<CompletenessReport> _completeness;

    public TransitionRequest(Actor actor, string? comment, bool commentPending, Func<CompletenessReport> completeness)
    {
        Actor = actor;
        Comment = comment;
        CommentPending = commentPending;
        _completeness = new Lazy<CompletenessReport>(completeness);
    }

    /// <summary>The acting user.</summary>
    public Actor Actor { get; }

    /// <summary>The normalised comment (null when empty).</summary>
    public string? Comment { get; }

    /// <summary>True when only buttons are being decided and the comment is entered later.</summary>
    public bool CommentPending { get; }

    /// <summary>The completeness report, computed on first use.</summary>
    public CompletenessReport Completeness => _completeness.Value;

    /// <summary>True when the completeness report has been computed.</summary>
    public bool CompletenessComputed => _completeness.IsValueCreated;
}
