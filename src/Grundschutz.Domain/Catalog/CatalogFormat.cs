namespace Grundschutz.Domain.Catalog;

/// <summary>The file format a catalogue document was read from.</summary>
public enum CatalogFormat
{
    /// <summary>IT-Grundschutz-Kompendium XML (DocBook 5), e.g. Edition 2023.</summary>
    KompendiumXml = 0,

    /// <summary>An OSCAL catalog (JSON).</summary>
    OscalCatalog = 1,

    /// <summary>An OSCAL profile (JSON), resolved against catalogues imported earlier.</summary>
    OscalProfile = 2,
}
