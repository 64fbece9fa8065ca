namespace Grundschutz.Infrastructure.Persistence.Mapping;

/// <summary>An imported OSCAL mapping collection (e.g. IT-Grundschutz 2023 → Grundschutz++); its maps are <see cref="StoredMapEntry"/> rows.</summary>
public class StoredMappingCollection
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Version { get; set; } = "";

    public string? OscalVersion { get; set; }

    /// <summary>The collection's uuid from the file.</summary>
    public string? Uuid { get; set; }

    public string SourceFileName { get; set; } = "";

    /// <summary>SHA-256 of the file (lower-case hex); the same file twice is imported once.</summary>
    public string Sha256 { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public string? ImportedBy { get; set; }

    /// <summary>Number of mappings (target catalogues).</summary>
    public int SetCount { get; set; }

    /// <summary>Number of map entries (source × target pairs).</summary>
    public int EntryCount { get; set; }
}
