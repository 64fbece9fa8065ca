namespace Grundschutz.Domain.Scoring;

/// <summary>What a <see cref="ScopeScore"/> aggregates over.</summary>
public enum ScopeKind
{
    /// <summary>The whole assessment (Informationsverbund).</summary>
    Overall = 0,

    /// <summary>A Kompendium layer (ISMS, SYS, …) or Grundschutz++ practice (GC, BER, …).</summary>
    TopGroup = 1,

    /// <summary>A Kompendium module (Baustein) or Grundschutz++ topic.</summary>
    Group = 2,
}
