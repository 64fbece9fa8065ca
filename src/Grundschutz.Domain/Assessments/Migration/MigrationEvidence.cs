namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>A source answer that a map relates to a Grundschutz++ control on the same target object.</summary>
/// <param name="SourceId">The mapped Teilanforderung, e.g. <c>ISMS.1.A1-UA.2</c>.</param>
/// <param name="SourceRequirementId">Its requirement, e.g. <c>ISMS.1.A1</c>.</param>
/// <param name="SourceStatus">The source answer's status on the target object (open when unanswered).</param>
/// <param name="SourceAssessedOn">The source answer's Datum der Erhebung.</param>
/// <param name="Relationship">The map's relationship.</param>
/// <param name="Qualifies">True when the relationship may prefill (see <see cref="MigrationPlanner.PrefillRelationships"/>).</param>
public sealed record MigrationEvidence(
    string SourceId,
    string SourceRequirementId,
    AnswerStatus SourceStatus,
    DateOnly? SourceAssessedOn,
    string Relationship,
    bool Qualifies);
