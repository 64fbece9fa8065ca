namespace Grundschutz.Domain.Catalog;

/// <summary>An OSCAL <c>prop</c> (or a Kompendium attribute expressed the same way), kept verbatim.</summary>
/// <param name="Name">Property name, e.g. <c>sec_level</c>.</param>
/// <param name="Value">Property value, verbatim.</param>
/// <param name="Ns">Namespace URI, if any.</param>
/// <param name="Remarks">OSCAL remarks, if any.</param>
public sealed record CatalogProperty(string Name, string Value, string? Ns = null, string? Remarks = null);
