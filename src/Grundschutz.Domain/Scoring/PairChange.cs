using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Scoring;

/// <summary>One pair compared across two assessments (matched by requirement id and target object name).</summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="GroupId">Its module/topic.</param>
/// <param name="TargetObjectName">The target object's name.</param>
/// <param name="Previous">Status before; null for <see cref="PairChangeKind.New"/>.</param>
/// <param name="Current">Status now; null for <see cref="PairChangeKind.Dropped"/>.</param>
/// <param name="Kind">The change.</param>
public sealed record PairChange(string RequirementId, string GroupId, string TargetObjectName, AnswerStatus? Previous, AnswerStatus? Current, PairChangeKind Kind);
