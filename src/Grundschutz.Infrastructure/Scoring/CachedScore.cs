using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// A scored assessment without the names that may change elsewhere (municipality, catalogue), with the
/// <see cref="PairIndex"/> that lets the next score apply only the answers saved since.
/// </summary>
internal sealed record CachedScore(ScoreReport Report, string Title, AssessmentState State, Approach Approach, DateOnly ScoredOn, PairIndex Pairs);
