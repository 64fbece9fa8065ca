using System.Text;

using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Kompendium;
using Grundschutz.TestSupport;

namespace Grundschutz.Domain.Tests.Catalog.Kompendium;

/// <summary>Reads the Kompendium fixtures (copied to the output folder) and the official file.</summary>
internal static class KompendiumFixtures
{
    /// <summary>Reads Fixtures/Kompendium/<paramref name="fileName"/>.</summary>
    public static CatalogDocument Read(string fileName)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Kompendium", fileName));
        return KompendiumXmlReader.Read(stream);
    }

    /// <summary>Reads XML given inline.</summary>
    public static CatalogDocument ReadXml(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return KompendiumXmlReader.Read(stream);
    }

    /// <summary>Reads the official Edition 2023 XML; skips the test when ../shared is absent.</summary>
    public static CatalogDocument Official()
    {
        using var stream = File.OpenRead(SharedFiles.Kompendium2023);
        return KompendiumXmlReader.Read(stream);
    }

    /// <summary>A DocBook book with one layer and one module whose Anforderungen section holds <paramref name="requirementSections"/>.</summary>
    public static string BookWithRequirements(string requirementSections) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <book xmlns="http://docbook.org/ns/docbook" version="5.0">
        <chapter>
        <title>TST Testschicht</title>
        <section>
        <title>TST.1 Testmanagement</title>
        <section>
        <title>Anforderungen</title>
        <section>
        <title>Basis-Anforderungen</title>
        {requirementSections}
        </section>
        </section>
        </section>
        </chapter>
        </book>
        """;
}
