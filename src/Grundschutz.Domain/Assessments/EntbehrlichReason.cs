namespace Grundschutz.Domain.Assessments;

/// <summary>Why a requirement is <see cref="AnswerStatus.Entbehrlich"/>.</summary>
public enum EntbehrlichReason
{
    /// <summary>Not relevant in this information domain (e.g. the service is not enabled).</summary>
    NotRelevant = 0,

    /// <summary>Covered by an alternative measure.</summary>
    AlternativeMeasure = 1,
}
