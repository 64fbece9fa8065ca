namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The pair subsets an Umsetzungsgrad is computed over. Kompendium: by level (B, B+S, adopted H);
/// Grundschutz++: by sec_level; both: by effective modal verb and all together.
/// </summary>
public enum ScoreSlice
{
    /// <summary>E_B: Kompendium level B.</summary>
    Basis = 0,

    /// <summary>E_BS: Kompendium levels B and S.</summary>
    BasisStandard = 1,

    /// <summary>E_H: Kompendium level H (only adopted H requirements are in scope).</summary>
    Hoch = 2,

    /// <summary>All pairs in scope.</summary>
    All = 3,

    /// <summary>Grundschutz++ sec_level normal-SdT (a missing sec_level counts as normal-SdT).</summary>
    NormalSdT = 4,

    /// <summary>Grundschutz++ sec_level erhöht.</summary>
    Erhoeht = 5,

    /// <summary>Effective modal verb MUSS.</summary>
    Muss = 6,

    /// <summary>Effective modal verb SOLLTE.</summary>
    Sollte = 7,

    /// <summary>Effective modal verb KANN.</summary>
    Kann = 8,
}
