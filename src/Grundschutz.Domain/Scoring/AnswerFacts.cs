using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The values of one answer that scoring reads. Lets callers score from a column projection instead of
/// materialising every <see cref="Answer"/> of a large assessment.
/// </summary>
/// <param name="RequirementId">Requirement id.</param>
/// <param name="TargetObjectId">Target object id.</param>
/// <param name="Status">Status.</param>
/// <param name="EntbehrlichReason">Reason for entbehrlich, if any.</param>
/// <param name="Justification">Justification, if any.</param>
/// <param name="ImplementationDescription">Implementation description, if any.</param>
/// <param name="Owner">Owner of an open item, if any.</param>
/// <param name="DueDate">Due date of an open item, if any.</param>
/// <param name="CostEstimate">Cost estimate, if any.</param>
/// <param name="AssessedOn">Date of the assessment, if any.</param>
public sealed record AnswerFacts(
    string RequirementId,
    Guid TargetObjectId,
    AnswerStatus Status,
    EntbehrlichReason? EntbehrlichReason,
    string? Justification,
    string? ImplementationDescription,
    string? Owner,
    DateOnly? DueDate,
    decimal? CostEstimate,
    DateOnly? AssessedOn);
