namespace Grundschutz.Domain.Catalog;

/// <summary>What a catalogue group stands for.</summary>
public enum GroupKind
{
    /// <summary>Kompendium layer (Schicht), e.g. ISMS, SYS.</summary>
    Layer = 0,

    /// <summary>Kompendium module (Baustein), e.g. SYS.2.1.</summary>
    Module = 1,

    /// <summary>Grundschutz++ practice (Praktik), e.g. ASST, GC.</summary>
    Practice = 2,

    /// <summary>Grundschutz++ topic (Thema), e.g. ASST.1.</summary>
    Topic = 3,

    /// <summary>Any other OSCAL group.</summary>
    Group = 4,
}
