namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Life-cycle state of an <see cref="Assessment"/>. Persisted as this enum (the numbers are
/// stored, so never renumber); changed only through <see cref="AssessmentWorkflow"/>.
/// </summary>
public enum AssessmentState
{
    /// <summary>Entwurf: the scope (target objects, modules) is being set up.</summary>
    Draft = 0,

    /// <summary>In Bearbeitung: requirements are being answered.</summary>
    InProgress = 1,

    /// <summary>Eingereicht: submitted by the ISB, waiting for an auditor.</summary>
    Submitted = 2,

    /// <summary>In Prüfung: an auditor is reviewing.</summary>
    InReview = 3,

    /// <summary>Zurückgegeben: the auditor sent it back for rework.</summary>
    Returned = 4,

    /// <summary>Genehmigt: approved by an auditor; read-only.</summary>
    Approved = 5,

    /// <summary>Archiviert: kept for the record; read-only.</summary>
    Archived = 6,
}
