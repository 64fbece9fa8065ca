namespace Grundschutz.Domain.Assessments;

/// <summary>The values a user proposes for one requirement on one target object.</summary>
/// <param name="RequirementId">The requirement answered.</param>
/// <param name="TargetObjectId">The target object it is answered for.</param>
/// <param name="Status">ja / teilweise / nein / entbehrlich, or open.</param>
/// <param name="EntbehrlichReason">Required for entbehrlich; ignored (stored as null) otherwise.</param>
/// <param name="Justification">Begründung: required for entbehrlich and for an unmet MUSS/SOLLTE.</param>
/// <param name="ImplementationDescription">How the requirement is (or will be) implemented.</param>
/// <param name="Owner">Responsible person; required for teilweise/nein (Realisierungsplan).</param>
/// <param name="DueDate">"Umsetzung bis"; required for teilweise/nein (Realisierungsplan).</param>
/// <param name="CostEstimate">Estimated cost in euros; not negative.</param>
/// <param name="AssessedOn">Date of the check (Datum der Erhebung); not in the future.</param>
/// <param name="Interviewees">People interviewed / checked with (free text).</param>
public sealed record AnswerInput(
    string RequirementId,
    Guid TargetObjectId,
    AnswerStatus Status,
    EntbehrlichReason? EntbehrlichReason = null,
    string? Justification = null,
    string? ImplementationDescription = null,
    string? Owner = null,
    DateOnly? DueDate = null,
    decimal? CostEstimate = null,
    DateOnly? AssessedOn = null,
    string? Interviewees = null);
