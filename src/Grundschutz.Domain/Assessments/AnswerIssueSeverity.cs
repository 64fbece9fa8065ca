namespace Grundschutz.Domain.Assessments;

/// <summary>How serious an <see cref="AnswerValidationError"/> is.</summary>
public enum AnswerIssueSeverity
{
    /// <summary>
    /// Something required is still missing (reason, justification, owner, due date). The answer can
    /// be saved as work in progress, but the assessment cannot be submitted.
    /// </summary>
    Incomplete = 0,

    /// <summary>The value is not allowed at all (e.g. negative cost, teilweise in Grundschutz++); saving is refused.</summary>
    Invalid = 1,
}
