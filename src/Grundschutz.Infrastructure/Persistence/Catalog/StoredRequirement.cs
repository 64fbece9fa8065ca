using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Persistence.Catalog;

/// <summary>
/// A requirement of one catalogue version, flattened for browsing and search. Multi-valued fields
/// (roles, tags, categories) are stored as "|a|b|" so that a filter is a simple LIKE on any provider.
/// </summary>
public class StoredRequirement
{
    public int Id { get; set; }

    public int CatalogVersionId { get; set; }

    /// <summary>Id as in the source, e.g. SYS.2.1.A3 or ASST.1.1.</summary>
    public string RequirementId { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The module/topic the requirement belongs to.</summary>
    public string GroupId { get; set; } = "";

    /// <summary>The layer/practice (top-level group).</summary>
    public string TopGroupId { get; set; } = "";

    public string? ParentRequirementId { get; set; }

    /// <summary>Document order across the whole catalogue version.</summary>
    public int Sequence { get; set; }

    /// <summary>0 for top-level requirements, 1 for their children, …</summary>
    public int Depth { get; set; }

    public RequirementLevel? Level { get; set; }

    public string? SecLevel { get; set; }

    public int? EffortLevel { get; set; }

    public string? ModalVerb { get; set; }

    public string? ActionWord { get; set; }

    public string? Result { get; set; }

    public string? Documentation { get; set; }

    /// <summary>"|Daten|Anwendungen|".</summary>
    public string TargetObjectCategories { get; set; } = "";

    /// <summary>"|Lieferketten|Shadow IT|".</summary>
    public string Tags { get; set; } = "";

    /// <summary>"|IT-Betrieb|Planende|".</summary>
    public string Roles { get; set; } = "";

    public string Statement { get; set; } = "";

    public string? Guidance { get; set; }

    public bool Withdrawn { get; set; }

    public string? AltIdentifier { get; set; }

    public string? Class { get; set; }

    public string PropsJson { get; set; } = "[]";

    /// <summary>Folded id + title + statement + guidance (see <see cref="SearchText"/>).</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Folded id + title only, for ranking title hits first.</summary>
    public string SearchTitle { get; set; } = "";
}
