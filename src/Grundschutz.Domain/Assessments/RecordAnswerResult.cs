namespace Grundschutz.Domain.Assessments;

/// <summary>The outcome of <see cref="Assessment.RecordAnswer"/>.</summary>
/// <param name="Answer">The stored answer.</param>
/// <param name="Changes">The history entries of this save (empty when nothing changed).</param>
/// <param name="Issues">Remaining <see cref="AnswerIssueSeverity.Incomplete"/> issues that will block submitting.</param>
public sealed record RecordAnswerResult(Answer Answer, IReadOnlyList<AnswerChange> Changes, IReadOnlyList<AnswerValidationError> Issues)
{
    /// <summary>True when the save changed anything.</summary>
    public bool Changed => Changes.Count > 0;
}
