namespace Grundschutz.Infrastructure.Persistence.Mapping;

/// <summary>One source → target pair of a mapping collection.</summary>
public class StoredMapEntry
{
    public int Id { get; set; }

    public int MappingCollectionId { get; set; }

    /// <summary>Index of the mapping (target catalogue) in the file.</summary>
    public int SetIndex { get; set; }

    /// <summary>The target catalogue's title as the file names it, or its href.</summary>
    public string TargetCatalog { get; set; } = "";

    /// <summary>Position in the file (keeps the file order).</summary>
    public int Sequence { get; set; }

    /// <summary>Source id as written, e.g. APP.3.6.A1-UA.2.</summary>
    public string SourceId { get; set; } = "";

    /// <summary>Source requirement, e.g. APP.3.6.A1.</summary>
    public string SourceRequirementId { get; set; } = "";

    public string TargetId { get; set; } = "";

    /// <summary>equivalent-to, equal-to, subset-of, superset-of, intersects-with, …</summary>
    public string Relationship { get; set; } = "";
}
