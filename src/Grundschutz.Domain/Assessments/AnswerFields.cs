namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Field names used in <see cref="AnswerChange.Field"/> and <see cref="AnswerValidationError.Field"/>.
/// They equal the property names of <see cref="AnswerInput"/> so pages can map them to form fields.
/// </summary>
public static class AnswerFields
{
    /// <summary><see cref="AnswerInput.Status"/>.</summary>
    public const string Status = nameof(AnswerInput.Status);

    /// <summary><see cref="AnswerInput.EntbehrlichReason"/>.</summary>
    public const string EntbehrlichReason = nameof(AnswerInput.EntbehrlichReason);

    /// <summary><see cref="AnswerInput.Justification"/>.</summary>
    public const string Justification = nameof(AnswerInput.Justification);

    /// <summary><see cref="AnswerInput.ImplementationDescription"/>.</summary>
    public const string ImplementationDescription = nameof(AnswerInput.ImplementationDescription);

    /// <summary><see cref="AnswerInput.Owner"/>.</summary>
    public const string Owner = nameof(AnswerInput.Owner);

    /// <summary><see cref="AnswerInput.DueDate"/>.</summary>
    public const string DueDate = nameof(AnswerInput.DueDate);

    /// <summary><see cref="AnswerInput.CostEstimate"/>.</summary>
    public const string CostEstimate = nameof(AnswerInput.CostEstimate);

    /// <summary><see cref="AnswerInput.AssessedOn"/>.</summary>
    public const string AssessedOn = nameof(AnswerInput.AssessedOn);

    /// <summary><see cref="AnswerInput.Interviewees"/>.</summary>
    public const string Interviewees = nameof(AnswerInput.Interviewees);

    /// <summary>History only: an evidence file was attached (new value) or removed (old value).</summary>
    public const string Evidence = "Evidence";

    /// <summary>History only: the answer was copied from an earlier assessment (new value: German note).</summary>
    public const string Origin = "Origin";
}
