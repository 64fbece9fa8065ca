namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The approach (Vorgehensweise) an assessment follows. It decides which requirements of the
/// pinned catalogue must be answered (see <see cref="ApproachRules"/>).
/// </summary>
public enum Approach
{
    /// <summary>Kompendium Basis-Absicherung: only level B.</summary>
    Basis = 0,

    /// <summary>Kompendium Kern-Absicherung: B and S on a restricted scope, H where adopted.</summary>
    Kern = 1,

    /// <summary>Kompendium Standard-Absicherung: B and S, H where adopted through risk analysis.</summary>
    Standard = 2,

    /// <summary>Grundschutz++ with the standard security level (sec_level normal-SdT).</summary>
    GsppNormal = 3,

    /// <summary>Grundschutz++ with the raised security level (normal-SdT and erhöht).</summary>
    GsppErhoeht = 4,
}
