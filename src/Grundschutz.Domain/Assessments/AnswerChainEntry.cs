namespace Grundschutz.Domain.Assessments;

/// <summary>Everything that enters the hash of one history entry (see <see cref="AnswerChain"/>).</summary>
/// <param name="AssessmentId">The assessment the answer belongs to.</param>
/// <param name="RequirementId">The answered requirement.</param>
/// <param name="TargetObjectId">The target object answered for.</param>
/// <param name="Sequence">Position in the answer's history, starting at 1.</param>
/// <param name="ChangeId">Id of the history entry.</param>
/// <param name="Field">The changed field.</param>
/// <param name="OldValue">The value before.</param>
/// <param name="NewValue">The value after.</param>
/// <param name="UserId">Who saved it.</param>
/// <param name="At">When.</param>
/// <param name="PreviousHash">Hash of the entry before (null for the first).</param>
public sealed record AnswerChainEntry(
    Guid AssessmentId,
    string RequirementId,
    Guid TargetObjectId,
    int Sequence,
    Guid ChangeId,
    string Field,
    string? OldValue,
    string? NewValue,
    string UserId,
    DateTimeOffset At,
    string? PreviousHash);
