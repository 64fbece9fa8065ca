namespace Grundschutz.Domain.Assessments;

/// <summary>One problem with an answer.</summary>
/// <param name="Field">The field, one of <see cref="AnswerFields"/> (a property name of <see cref="AnswerInput"/>).</param>
/// <param name="Message">German message for the user.</param>
/// <param name="Severity">Whether saving is refused or only submitting.</param>
public sealed record AnswerValidationError(string Field, string Message, AnswerIssueSeverity Severity);
