namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>Labels written into the justification of prefilled answers.</summary>
/// <param name="SourceCatalog">The source catalogue, e.g. „IT-Grundschutz-Kompendium Edition 2023“.</param>
/// <param name="MappingTitle">The mapping collection's title.</param>
/// <param name="MappingVersion">Its version.</param>
public sealed record MigrationSource(string SourceCatalog, string MappingTitle, string MappingVersion);
