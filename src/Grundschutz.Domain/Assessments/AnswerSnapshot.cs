namespace Grundschutz.Domain.Assessments;

/// <summary>The stored state of an answer at one moment (e.g. the other user's version in a conflict).</summary>
/// <param name="AnswerId">The answer's id.</param>
/// <param name="Values">The stored values.</param>
/// <param name="Version">The stored version number.</param>
/// <param name="UpdatedAt">When it was last saved, if ever.</param>
/// <param name="UpdatedByUserId">Who saved it last, if anyone.</param>
public sealed record AnswerSnapshot(Guid AnswerId, AnswerInput Values, int Version, DateTimeOffset? UpdatedAt, string? UpdatedByUserId);
