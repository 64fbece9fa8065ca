using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Importing;

/// <summary>Outcome for one imported document; <see cref="Warnings"/> are translatable messages (German by <c>ToString()</c>).</summary>
public sealed record CatalogImportResult(
    string FileName,
    int CatalogVersionId,
    string Title,
    string Version,
    int Groups,
    int Requirements,
    int Withdrawn,
    IReadOnlyList<MessageText> Warnings,
    bool AlreadyImported)
{
    /// <summary>Value of <see cref="Kind"/> for an OSCAL mapping collection (Groups = mappings, Requirements = map entries).</summary>
    public const string MappingCollectionKind = "mapping-collection";

    /// <summary>"catalog" (catalogue, profile, Kompendium) or <see cref="MappingCollectionKind"/>.</summary>
    public string Kind { get; init; } = "catalog";

    /// <summary>Language of the catalogue's texts as stored (BCP 47); null for a mapping collection.</summary>
    public string? Language { get; init; }
}
