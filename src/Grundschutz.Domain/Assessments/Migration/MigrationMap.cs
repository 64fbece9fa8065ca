namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>One map entry of a mapping collection as the planner sees it.</summary>
/// <param name="SetIndex">Which mapping (target catalogue) of the collection it belongs to.</param>
/// <param name="SourceId">Source id as written, e.g. <c>ISMS.1.A1-UA.2</c>.</param>
/// <param name="SourceRequirementId">Source requirement, e.g. <c>ISMS.1.A1</c>.</param>
/// <param name="TargetId">Grundschutz++ control id, e.g. <c>GC.1.1</c>.</param>
/// <param name="Relationship">equivalent-to, equal-to, superset-of, subset-of, intersects-with, …</param>
public sealed record MigrationMap(int SetIndex, string SourceId, string SourceRequirementId, string TargetId, string Relationship);
