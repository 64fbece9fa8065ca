namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// What makes a cached score valid (see <see cref="ScoreCache"/>): the assessment's concurrency stamp, the number of
/// answers, the answers' revision (raised on every save that changes answers) and the reference date.
/// </summary>
internal readonly record struct ScoreKey(Guid Stamp, int Answers, long Revision, DateOnly? Date);
