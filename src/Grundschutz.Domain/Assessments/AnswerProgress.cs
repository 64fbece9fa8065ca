namespace Grundschutz.Domain.Assessments;

/// <summary>
/// What the questionnaire navigator needs of one stored answer: its pair, status, version and last change. Lets a
/// page build the navigator from a narrow projection instead of loading every answer entity.
/// </summary>
public sealed record AnswerProgress(string RequirementId, Guid TargetObjectId, AnswerStatus Status, int Version, DateTimeOffset? UpdatedAt)
{
    /// <summary>The progress row of a loaded answer.</summary>
    public static AnswerProgress Of(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerProgress(answer.RequirementId, answer.TargetObjectId, answer.Status, answer.Version, answer.UpdatedAt);
    }
}
