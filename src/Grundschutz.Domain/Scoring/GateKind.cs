namespace Grundschutz.Domain.Scoring;

/// <summary>The two boolean gates of DOMAIN.md §6.1.</summary>
public enum GateKind
{
    /// <summary>
    /// „Basis-Absicherung erreicht“ (Kompendium: all B pairs; Grundschutz++: all MUSS controls).
    /// </summary>
    Basis = 0,

    /// <summary>
    /// „Standard-Absicherung erreicht“ (Kompendium: all B and S pairs; Grundschutz++: all normal-SdT controls).
    /// </summary>
    Standard = 1,
}
