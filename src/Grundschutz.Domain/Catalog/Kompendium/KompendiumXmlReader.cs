namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>Reads the official IT-Grundschutz-Kompendium XML (DocBook 5). To be implemented.</summary>
public static class KompendiumXmlReader
{
    /// <summary>Reads the whole Kompendium. Throws <see cref="CatalogFormatException"/> on bad input.</summary>
    public static CatalogDocument Read(Stream xml) => throw new NotImplementedException();
}
