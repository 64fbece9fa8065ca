namespace Grundschutz.Domain.Catalog;

/// <summary>A catalogue a profile may import: one imported earlier, or one given in the same import call.</summary>
/// <param name="FileName">The file name the catalogue was imported from (matched against a profile's rlink href).</param>
/// <param name="Document">The catalogue.</param>
public sealed record AvailableCatalog(string FileName, CatalogDocument Document);
