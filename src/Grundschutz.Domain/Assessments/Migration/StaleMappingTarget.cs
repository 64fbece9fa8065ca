namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>A map target that does not exist in the chosen Grundschutz++ catalogue version although the source is in scope.</summary>
/// <param name="TargetId">The missing control id.</param>
/// <param name="Relationship">The map's relationship.</param>
/// <param name="SourceIds">The mapped source ids in the assessment's scope.</param>
public sealed record StaleMappingTarget(string TargetId, string Relationship, IReadOnlyList<string> SourceIds);
