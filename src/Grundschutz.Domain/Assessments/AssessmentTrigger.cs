namespace Grundschutz.Domain.Assessments;

/// <summary>The actions that move an <see cref="Assessment"/> between <see cref="AssessmentState"/>s.</summary>
public enum AssessmentTrigger
{
    /// <summary>Bearbeitung beginnen: Draft → InProgress.</summary>
    StartAnswering = 0,

    /// <summary>Einreichen: InProgress → Submitted.</summary>
    Submit = 1,

    /// <summary>Prüfung beginnen: Submitted → InReview.</summary>
    StartReview = 2,

    /// <summary>Zurückgeben: InReview → Returned.</summary>
    Return = 3,

    /// <summary>Überarbeiten: Returned → InProgress.</summary>
    Rework = 4,

    /// <summary>Genehmigen: InReview → Approved.</summary>
    Approve = 5,

    /// <summary>Archivieren: Approved → Archived.</summary>
    Archive = 6,
}
