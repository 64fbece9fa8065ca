namespace Grundschutz.Domain.Catalog;

/// <summary>Limits for reading a catalogue file.</summary>
public sealed record CatalogReadOptions
{
    /// <summary>Default size limit: 50 MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>Files larger than this are refused before they are parsed.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
