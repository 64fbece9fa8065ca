namespace Grundschutz.Domain.Assessments;

/// <summary>Saving an answer was refused because of <see cref="AnswerIssueSeverity.Invalid"/> errors.</summary>
public sealed class AnswerValidationException : AssessmentRuleException
{
    /// <summary>Creates the exception from the validation errors.</summary>
    public AnswerValidationException(IReadOnlyList<AnswerValidationError> errors)
        : base("Die Antwort enthält ungültige Angaben: " + string.Join(" ", (errors ?? []).Select(e => e.Message)), (errors ?? []).Select(e => e.Message).ToList())
    {
        Errors = errors ?? [];
    }

    /// <summary>All errors found (both severities), so a form can show them at once.</summary>
    public IReadOnlyList<AnswerValidationError> Errors { get; }
}
