namespace Grundschutz.Infrastructure.Persistence.Workshops;

/// <summary>
/// A questionnaire workbook that was uploaded and checked but not yet confirmed: the parsed changes as JSON,
/// keyed by a random token, bound to the assessment and the user who uploaded it, valid until <see cref="ExpiresAt"/>.
/// Nothing of it reaches the answers until the user confirms the preview.
/// </summary>
public class PendingWorkbookImport
{
    /// <summary>Random token shown in the preview URL.</summary>
    public Guid Token { get; set; }

    public Guid AssessmentId { get; set; }

    public string UserId { get; set; } = "";

    public string FileName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The checked changes (<c>AnswerWorkbookPreview</c> as JSON).</summary>
    public string Payload { get; set; } = "";
}
