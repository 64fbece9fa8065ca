namespace Grundschutz.Domain.Catalog;

/// <summary>
/// The one import pipeline: sniffs the format, dispatches to the reader, validates. To be implemented.
/// </summary>
public static class CatalogPipeline
{
    /// <summary>Reads and validates one catalogue file.</summary>
    public static CatalogDocument Read(Stream content, string fileName, IReadOnlyList<AvailableCatalog> available, CatalogReadOptions options) =>
        throw new NotImplementedException();
}
