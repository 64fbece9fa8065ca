namespace Grundschutz.Domain.Catalog;

/// <summary>
/// A node of the catalogue tree: a Kompendium layer or module, a Grundschutz++ practice or topic.
/// </summary>
public sealed record CatalogGroup
{
    /// <summary>Id as in the source, e.g. <c>SYS.2.1</c>, <c>ASST</c>, <c>ASST.1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title without the id, verbatim (whitespace normalised).</summary>
    public required string Title { get; init; }

    /// <summary>The enclosing group's id, or null for a top-level group.</summary>
    public string? ParentId { get; init; }

    /// <summary>What the group stands for.</summary>
    public required GroupKind Kind { get; init; }

    /// <summary>Position among its siblings, starting at 0 (source order).</summary>
    public int Order { get; init; }

    /// <summary>Description text (Kompendium: Beschreibung; OSCAL: label remarks or overview part).</summary>
    public string? Description { get; init; }

    /// <summary>OSCAL label prop, if any.</summary>
    public string? Label { get; init; }

    /// <summary>Kompendium: the role "grundsätzlich zuständig" for the module.</summary>
    public string? ResponsibleRole { get; init; }

    /// <summary>Kompendium: further responsible roles ("Weitere Zuständigkeiten").</summary>
    public IReadOnlyList<string> FurtherRoles { get; init; } = [];

    /// <summary>Kompendium: processing order R1, R2 or R3, where the source gives it.</summary>
    public string? ProcessingOrder { get; init; }

    /// <summary>Kompendium: target-object type from the Modellierung table, where the source gives it.</summary>
    public string? TargetObjectType { get; init; }

    /// <summary>All properties as in the source.</summary>
    public IReadOnlyList<CatalogProperty> Props { get; init; } = [];
}
