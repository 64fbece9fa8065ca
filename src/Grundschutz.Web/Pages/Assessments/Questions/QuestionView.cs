using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>Everything the question page shows besides the form.</summary>
public sealed record QuestionView(
    Guid AssessmentId,
    string AssessmentTitle,
    AssessmentState State,
    CatalogFramework Framework,
    int Position,
    int Total,
    QuestionView.RequirementText Requirement,
    string GroupId,
    Guid TargetObjectId,
    string TargetObjectName,
    string? TargetObjectKind,
    QuestionView.ModuleRow Module,
    ModuleProgress Overall,
    IReadOnlyList<QuestionView.ModuleRow> Modules,
    int? PreviousPosition,
    int? NextPosition,
    int? NextOpenPosition,
    bool CanEdit,
    string? ReadOnlyReason,
    IReadOnlyList<AnswerFieldValue> CurrentValues,
    bool IsAnswered,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyList<QuestionView.HistoryRow> History,
    int HistoryTotal,
    IReadOnlyList<QuestionView.EvidenceRow> Evidence,
    IReadOnlyList<AnswerStatus> StatusOptions)
{
    /// <summary>The catalogue text of the requirement.</summary>
    public sealed record RequirementText(
        string RequirementId,
        string Title,
        string Statement,
        string? Guidance,
        RequirementLevel? Level,
        string? SecLevel,
        string? ModalVerb,
        int? EffortLevel,
        IReadOnlyList<string> Roles,
        string? Documentation);

    /// <summary>A module (Baustein, topic) of the questionnaire with its progress and where to jump.</summary>
    public sealed record ModuleRow(string GroupId, string Title, GroupKind Kind, int Answered, int Total, int FirstPosition, int? FirstOpenPosition)
    {
        public int JumpPosition => FirstOpenPosition ?? FirstPosition;
    }

    /// <summary>One changed field: when, who (display name), which field, old → new (display text).</summary>
    public sealed record HistoryRow(DateTimeOffset At, string Who, string Field, string? Old, string? New);

    /// <summary>An attached evidence file.</summary>
    public sealed record EvidenceRow(Guid Id, string FileName, long SizeBytes, string Size, string UploadedBy, DateTimeOffset UploadedAt, string? Sha256);
}
