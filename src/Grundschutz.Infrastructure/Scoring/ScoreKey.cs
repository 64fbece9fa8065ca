namespace Grundschutz.Infrastructure.Scoring;

/// <summary>What makes a cached score valid (see <see cref="ScoreCache"/>).</summary>
internal readonly record struct ScoreKey(Guid Stamp, int Answers, long VersionSum, DateOnly? Date);
