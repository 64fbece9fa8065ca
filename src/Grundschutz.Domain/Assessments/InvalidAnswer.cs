namespace Grundschutz.Domain.Assessments;

/// <summary>An answered pair that fails the <see cref="AnswerValidator"/>.</summary>
/// <param name="Key">The requirement × target object pair.</param>
/// <param name="Errors">What is wrong or missing.</param>
public sealed record InvalidAnswer(QuestionKey Key, IReadOnlyList<AnswerValidationError> Errors);
