namespace Grundschutz.Infrastructure.Importing;

/// <summary>Bound from section "CatalogImport".</summary>
public sealed class CatalogImportOptions
{
    public const string SectionName = "CatalogImport";

    /// <summary>Largest accepted catalogue file in bytes (default 50 MB). Checked before anything is parsed.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Catalogue files imported on start (paths relative to the content root or absolute). Missing files are
    /// skipped with a log line; files already imported are a no-op (same SHA-256).
    /// </summary>
    public List<string> ImportOnStart { get; set; } = [];

    /// <summary>
    /// Language (BCP 47 tag, e.g. <c>de</c>, <c>en</c>) of a catalogue whose file does not state one and whose
    /// publisher is not known; the administrator may choose another on upload. Default German.
    /// </summary>
    public string DefaultLanguage { get; set; } = Domain.Catalog.CatalogLanguage.German;
}
