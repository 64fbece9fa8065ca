namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>One field of an answer (see <c>AnswerFields</c>) and its display text (null = empty).</summary>
public sealed record AnswerFieldValue(string Field, string? Text);
