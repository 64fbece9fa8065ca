namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Implementation status of one requirement on one target object (IT-Grundschutz-Check).
/// For Grundschutz++ only <see cref="Open"/>, <see cref="Ja"/> (umgesetzt), <see cref="Nein"/>
/// (nicht umgesetzt) and <see cref="Entbehrlich"/> are allowed.
/// </summary>
public enum AnswerStatus
{
    /// <summary>Not assessed yet (unbearbeitet). A workflow state, not a result.</summary>
    Open = 0,

    /// <summary>ja / umgesetzt: fully, effectively and adequately implemented.</summary>
    Ja = 1,

    /// <summary>teilweise: only partly implemented (not allowed in Grundschutz++).</summary>
    Teilweise = 2,

    /// <summary>nein / nicht umgesetzt.</summary>
    Nein = 3,

    /// <summary>entbehrlich: not relevant or covered by an alternative measure; needs a justification.</summary>
    Entbehrlich = 4,
}
