using Grundschutz.Domain.Assessments;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>One requirement × target object of the questionnaire workbook, with the answer as stored at export.</summary>
public sealed record QuestionnaireRow(
    string RequirementId,
    Guid TargetObjectId,
    string TargetObjectName,
    string Module,
    string? Title,
    int Version,
    AnswerStatus Status,
    EntbehrlichReason? EntbehrlichReason,
    string? Justification,
    string? ImplementationDescription,
    string? Owner,
    DateOnly? DueDate,
    decimal? CostEstimate,
    DateOnly? AssessedOn,
    string? Interviewees);
