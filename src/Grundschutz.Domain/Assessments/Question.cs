namespace Grundschutz.Domain.Assessments;

/// <summary>One question of the questionnaire: a requirement on a target object, with its current answer state.</summary>
/// <param name="Position">0-based position in the questionnaire order.</param>
/// <param name="GroupId">The module.</param>
/// <param name="RequirementId">The requirement.</param>
/// <param name="TargetObjectId">The target object.</param>
/// <param name="TargetObjectName">The target object's name.</param>
/// <param name="Status">Current status (open when unanswered).</param>
/// <param name="Version">The answer's version (0 when unanswered): pass it back as expected version.</param>
/// <param name="UpdatedAt">When the answer was last saved, if ever.</param>
public sealed record Question(int Position, string GroupId, string RequirementId, Guid TargetObjectId, string TargetObjectName, AnswerStatus Status, int Version, DateTimeOffset? UpdatedAt)
{
    /// <summary>True when still unanswered.</summary>
    public bool IsOpen => Status == AnswerStatus.Open;
}
