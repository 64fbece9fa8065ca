namespace Grundschutz.Domain.Catalog;

/// <summary>
/// One requirement: a Kompendium Anforderung or an OSCAL control (nested controls are requirements
/// of their own with <see cref="ParentId"/> set). Immutable once read.
/// </summary>
public sealed record Requirement
{
    /// <summary>Id as in the source (normalised where the source is known to be wrong, with a warning).</summary>
    public required string Id { get; init; }

    /// <summary>Title, verbatim (whitespace normalised).</summary>
    public required string Title { get; init; }

    /// <summary>The group (module/topic) the requirement belongs to; for nested controls the parent's group.</summary>
    public required string GroupId { get; init; }

    /// <summary>The parent control's id for nested OSCAL controls, otherwise null.</summary>
    public string? ParentId { get; init; }

    /// <summary>Position among its siblings (source order).</summary>
    public int Order { get; init; }

    /// <summary>Kompendium level B/S/H; null for OSCAL controls.</summary>
    public RequirementLevel? Level { get; init; }

    /// <summary>Grundschutz++ <c>sec_level</c>: <c>normal-SdT</c> or <c>erhöht</c>.</summary>
    public string? SecLevel { get; init; }

    /// <summary>Grundschutz++ <c>effort_level</c> 0–5.</summary>
    public int? EffortLevel { get; init; }

    /// <summary>Modal verb: MUSS, SOLLTE or KANN (GS++ statement prop; Kompendium: strongest keyword in the text).</summary>
    public string? ModalVerb { get; init; }

    /// <summary>GS++ <c>action_word</c>.</summary>
    public string? ActionWord { get; init; }

    /// <summary>GS++ <c>result</c>.</summary>
    public string? Result { get; init; }

    /// <summary>GS++ <c>documentation</c>: the expected document type.</summary>
    public string? Documentation { get; init; }

    /// <summary>GS++ <c>target_object_categories</c>, split on commas.</summary>
    public IReadOnlyList<string> TargetObjectCategories { get; init; } = [];

    /// <summary>GS++ <c>tags</c>, split on ", ".</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Responsible roles (Kompendium: the bracketed roles in the title).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The normative text (parameters resolved to their value or label).</summary>
    public string Statement { get; init; } = "";

    /// <summary>Guidance text, if any.</summary>
    public string? Guidance { get; init; }

    /// <summary>True for Kompendium requirements marked ENTFALLEN (or OSCAL controls marked withdrawn).</summary>
    public bool Withdrawn { get; init; }

    /// <summary>OSCAL <c>alt-identifier</c> (stable UUID), if any.</summary>
    public string? AltIdentifier { get; init; }

    /// <summary>OSCAL control class, if any.</summary>
    public string? Class { get; init; }

    /// <summary>All control and statement properties as in the source.</summary>
    public IReadOnlyList<CatalogProperty> Props { get; init; } = [];

    /// <summary>Links to other requirements of the same catalogue.</summary>
    public IReadOnlyList<RequirementLink> Links { get; init; } = [];
}
