using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// The checked content of an uploaded questionnaire workbook: what would change (old → new per field), which rows
/// ran into a newer answer in the portal (conflicts: never applied), which rows are wrong (errors: the import cannot
/// be confirmed until the file is fixed) and how many rows change nothing.
/// </summary>
public sealed record AnswerWorkbookPreview(
    Guid AssessmentId,
    string FileName,
    int RowsRead,
    int Unchanged,
    IReadOnlyList<AnswerWorkbookChange> Changes,
    IReadOnlyList<AnswerWorkbookConflict> Conflicts,
    IReadOnlyList<AnswerWorkbookError> Errors)
{
    /// <summary>Confirmable when something changes and no row has an error.</summary>
    public bool CanConfirm => Errors.Count == 0 && Changes.Count > 0;
}

/// <summary>A stored preview and the time until which it can be confirmed.</summary>
public sealed record StoredWorkbookPreview(AnswerWorkbookPreview Preview, DateTimeOffset ExpiresAt);

/// <summary>A row that changes an answer: the values to record and the version they were exported with.</summary>
public sealed record AnswerWorkbookChange(
    int Row,
    string RequirementId,
    Guid TargetObjectId,
    string TargetObjectName,
    int ExpectedVersion,
    AnswerInput Values,
    IReadOnlyList<AnswerWorkbookFieldChange> Fields,
    IReadOnlyList<string> Notes)
{
    /// <summary><see cref="Notes"/>, translatable; null in previews stored before they were kept.</summary>
    public IReadOnlyList<MessageText>? NoteTexts { get; init; }
}

/// <summary>One field of a change or conflict: German label, old and new value as shown.</summary>
public sealed record AnswerWorkbookFieldChange(string Field, string Label, string? Old, string? New);

/// <summary>A row whose answer was changed in the portal after the export (version differs): not applied.</summary>
public sealed record AnswerWorkbookConflict(
    int Row,
    string RequirementId,
    string TargetObjectName,
    int ExportedVersion,
    int CurrentVersion,
    IReadOnlyList<AnswerWorkbookFieldChange> Fields);

/// <summary>A row that cannot be taken over, with the reason (German).</summary>
public sealed record AnswerWorkbookError(int Row, string? RequirementId, string Message)
{
    /// <summary><see cref="Message"/>, translatable; null in previews stored before it was kept.</summary>
    public MessageText? Text { get; init; }

    /// <summary>The error of <paramref name="row"/> with the reason <paramref name="message"/>.</summary>
    public static AnswerWorkbookError Of(int row, string? requirementId, ITranslatableMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = MessageText.From(message);
        return new(row, requirementId, text.ToString()) { Text = text };
    }
}
