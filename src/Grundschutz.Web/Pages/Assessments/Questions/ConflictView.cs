namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>The other person's saved answer next to the user's own input, after an optimistic-concurrency conflict.</summary>
/// <param name="Version">The stored version (the form now carries it, so saving again overwrites deliberately).</param>
/// <param name="SavedBy">Display name of who saved last.</param>
/// <param name="SavedAt">When.</param>
/// <param name="Theirs">The stored values.</param>
/// <param name="Mine">The values the user tried to save.</param>
public sealed record ConflictView(int Version, string? SavedBy, DateTimeOffset? SavedAt, IReadOnlyList<AnswerFieldValue> Theirs, IReadOnlyList<AnswerFieldValue> Mine);
