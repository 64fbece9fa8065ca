namespace Grundschutz.Domain.Scoring;

/// <summary>Why a pair blocks a gate; a pair can have several reasons.</summary>
[Flags]
public enum GateBlockReason
{
    /// <summary>No reason (not a blocker).</summary>
    None = 0,

    /// <summary>„unbeantwortet“: status still open.</summary>
    NotAnswered = 1,

    /// <summary>„nicht umgesetzt“: status nein.</summary>
    NotFulfilled = 2,

    /// <summary>„nur teilweise umgesetzt“: status teilweise.</summary>
    PartiallyFulfilled = 4,

    /// <summary>Grundschutz++: ja, but a required dependency is not umgesetzt (UMS.1.1).</summary>
    DependencyNotFulfilled = 8,

    /// <summary>A SOLLTE deviation (nein/teilweise/dependency gap) without a justification.</summary>
    DeviationWithoutJustification = 16,

    /// <summary>A justification exists, but the gap is in a Basis or MUSS requirement, which cannot be justified away.</summary>
    NotJustifiable = 32,

    /// <summary>„entbehrlich ohne Begründung“.</summary>
    EntbehrlichWithoutJustification = 64,

    /// <summary>Answered, but without an assessment date (Datum der Erhebung).</summary>
    MissingAssessedOn = 128,

    /// <summary>Answered more than the freshness window (12 months) ago.</summary>
    Stale = 256,
}
