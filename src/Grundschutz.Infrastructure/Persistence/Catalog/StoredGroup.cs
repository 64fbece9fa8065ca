using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Persistence.Catalog;

/// <summary>A group (layer, module, practice, topic) of one catalogue version.</summary>
public class StoredGroup
{
    public int Id { get; set; }

    public int CatalogVersionId { get; set; }

    /// <summary>Id as in the source, e.g. SYS.2.1.</summary>
    public string GroupId { get; set; } = "";

    public string? ParentGroupId { get; set; }

    /// <summary>The top-level group (layer or practice) this group sits in; itself for top-level groups.</summary>
    public string TopGroupId { get; set; } = "";

    public string Title { get; set; } = "";

    public GroupKind Kind { get; set; }

    /// <summary>Document order across the whole catalogue version.</summary>
    public int Sequence { get; set; }

    public int Depth { get; set; }

    public string? Description { get; set; }

    public string? Label { get; set; }

    public string? ResponsibleRole { get; set; }

    /// <summary>Further roles joined by " | ".</summary>
    public string? FurtherRoles { get; set; }

    public string? ProcessingOrder { get; set; }

    public string? TargetObjectType { get; set; }

    public string PropsJson { get; set; } = "[]";
}
