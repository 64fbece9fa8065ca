namespace Grundschutz.Domain.Evidence;

/// <summary>The freshness rules of <see cref="AuditFreshness"/>.</summary>
public enum FreshnessWarningKind
{
    /// <summary>A.4 answers older than 12 months.</summary>
    StaleAnswers,

    /// <summary>No Leitlinie (A.0.1) uploaded.</summary>
    LeitlinieMissing,

    /// <summary>Leitlinie approved more than 2 years ago.</summary>
    LeitlinieOld,

    /// <summary>Next review of the Leitlinie has passed.</summary>
    LeitlinieReviewOverdue,
}
