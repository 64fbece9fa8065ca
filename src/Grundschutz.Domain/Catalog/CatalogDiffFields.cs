namespace Grundschutz.Domain.Catalog;

/// <summary>The requirement fields <see cref="CatalogDiff"/> compares; a change names every field that differs.</summary>
[Flags]
public enum CatalogDiffFields
{
    /// <summary>Nothing differs.</summary>
    None = 0,

    /// <summary><see cref="Requirement.Title"/>.</summary>
    Title = 1,

    /// <summary><see cref="Requirement.Statement"/>.</summary>
    Statement = 2,

    /// <summary><see cref="Requirement.Level"/> (Kompendium B/S/H).</summary>
    Level = 4,

    /// <summary><see cref="Requirement.SecLevel"/> (Grundschutz++ normal-SdT/erhöht).</summary>
    SecLevel = 8,

    /// <summary><see cref="Requirement.ModalVerb"/>.</summary>
    ModalVerb = 16,

    /// <summary><see cref="Requirement.Withdrawn"/>.</summary>
    Withdrawn = 32,

    /// <summary><see cref="Requirement.EffortLevel"/>.</summary>
    EffortLevel = 64,
}
