namespace Grundschutz.Domain.Catalog;

/// <summary>Kompendium requirement level: (B) Basis, (S) Standard, (H) erhöhter Schutzbedarf.</summary>
public enum RequirementLevel
{
    /// <summary>Basis-Anforderung (B).</summary>
    Basis = 0,

    /// <summary>Standard-Anforderung (S).</summary>
    Standard = 1,

    /// <summary>Anforderung bei erhöhtem Schutzbedarf (H).</summary>
    Hoch = 2,
}
