using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Persistence.Catalog;

/// <summary>One imported catalogue file. Immutable once imported; assessments pin it.</summary>
public class StoredCatalogVersion
{
    public int Id { get; set; }

    public int CatalogId { get; set; }

    public StoredCatalog Catalog { get; set; } = null!;

    public string Title { get; set; } = "";

    public string Version { get; set; } = "";

    public CatalogFormat Format { get; set; }

    public CatalogFramework Framework { get; set; }

    public string? OscalVersion { get; set; }

    public string? Published { get; set; }

    /// <summary>
    /// Language of the catalogue's texts (BCP 47, see <see cref="CatalogLanguage"/>): the pages mark titles,
    /// statements and guidance with it. Versions stored before the column existed are the BSI's and German.
    /// </summary>
    public string Language { get; set; } = CatalogLanguage.German;

    public string SourceFileName { get; set; } = "";

    /// <summary>SHA-256 of the imported bytes, lower-case hex; unique (importing the same file twice is a no-op).</summary>
    public string Sha256 { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public string? ImportedBy { get; set; }

    public int GroupCount { get; set; }

    public int RequirementCount { get; set; }

    public int WithdrawnCount { get; set; }

    /// <summary>
    /// Warnings of the import as a JSON array of messages (format and arguments, see
    /// <see cref="Importing.CatalogWarningsJson"/>); versions imported earlier hold an array of German strings.
    /// </summary>
    public string WarningsJson { get; set; } = "[]";
}
