namespace Grundschutz.Domain.Catalog.Mapping;

/// <summary>An OSCAL mapping collection (e.g. the BSI mapping IT-Grundschutz Edition 2023 → Grundschutz++), flattened.</summary>
public sealed record MappingCollectionDocument
{
    /// <summary>metadata.title.</summary>
    public required string Title { get; init; }

    /// <summary>metadata.version.</summary>
    public required string Version { get; init; }

    /// <summary>metadata.oscal-version.</summary>
    public string? OscalVersion { get; init; }

    /// <summary>The collection's uuid.</summary>
    public string? Uuid { get; init; }

    /// <summary>The mappings (one per target catalogue), in file order.</summary>
    public required IReadOnlyList<MappingSet> Sets { get; init; }

    /// <summary>All maps of all sets.</summary>
    public int MapCount => Sets.Sum(s => s.Entries.Count);
}
