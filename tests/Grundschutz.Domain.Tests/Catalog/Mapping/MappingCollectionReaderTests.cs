using System.Text;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Mapping;
using Grundschutz.TestSupport;

namespace Grundschutz.Domain.Tests.Catalog.Mapping;

/// <summary>The mapping-collection reader against the official BSI mapping IT-Grundschutz 2023 → Grundschutz++ and small fixtures.</summary>
public sealed class MappingCollectionReaderTests
{
    [SkippableFact]
    public void Read_OfficialMapping_CountsMatchTheFile()
    {
        var bytes = File.ReadAllBytes(SharedFiles.GsPlusPlus("ITGS-to-GS++-mapping_collection.json"));

        var doc = MappingCollectionReader.Read(bytes);

        // Counted in the file (catalogs/README.md §1.7): 1013 maps to the Kernel, 172 to Methodik, one source and one target each.
        Assert.Equal("GSMap OSCAL Mapping Collection", doc.Title);
        Assert.Equal("1.2.1", doc.OscalVersion);
        Assert.Equal([1013, 172], doc.Sets.Select(s => s.Entries.Count));
        Assert.Equal(["BSI Stand der Technik Kernel", "BSI Methodik Grundschutz++"], doc.Sets.Select(s => s.TargetTitle));
        Assert.Equal(1185, doc.MapCount);
        var relationships = doc.Sets.SelectMany(s => s.Entries).GroupBy(e => e.Relationship).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(464, relationships["subset-of"]);
        Assert.Equal(395, relationships["intersects-with"]);
        Assert.Equal(187, relationships["superset-of"]);
        Assert.Equal(118, relationships["equivalent-to"]);
        Assert.Equal(21, relationships["equal-to"]);
        Assert.Equal(824, doc.Sets.SelectMany(s => s.Entries).Select(e => e.SourceId).Distinct().Count());
        Assert.Equal(510, doc.Sets.SelectMany(s => s.Entries).Select(e => e.SourceRequirementId).Distinct().Count());
        var first = doc.Sets[0].Entries[0];
        Assert.Equal(("APP.3.6.A1-UA.2", "APP.3.6.A1", "ARCH.1.1", "subset-of"), (first.SourceId, first.SourceRequirementId, first.TargetId, first.Relationship));
    }

    [Theory]
    [InlineData("ORP.2.A3-UA.2", "ORP.2.A3")]
    [InlineData("SYS.2.1.A10-UA.12", "SYS.2.1.A10")]
    [InlineData("ISMS.1.A1", "ISMS.1.A1")]
    public void RequirementOf_StripsTheSentenceSuffix(string sourceId, string expected) =>
        Assert.Equal(expected, MappingEntry.RequirementOf(sourceId));

    [Theory]
    [InlineData("nicht json", "kein gültiges JSON")]
    [InlineData("{\"catalog\":{}}", "keine OSCAL-Mapping-Collection")]
    [InlineData("{\"mapping-collection\":{\"metadata\":{\"title\":\"T\",\"version\":\"1\"},\"mappings\":[]}}", "keine Zuordnungen")]
    [InlineData("{\"mapping-collection\":{\"metadata\":{\"title\":\"T\",\"version\":\"1\"},\"mappings\":[{\"source-resource\":{\"href\":\"a\"},\"target-resource\":{\"href\":\"b\"},\"maps\":[{\"sources\":[{\"id-ref\":\"A.1\"}],\"targets\":[{\"id-ref\":\"B.1\"}]}]}]}}", "relationship")]
    public void Read_Broken_GermanMessage(string json, string expected)
    {
        var ex = Assert.Throws<CatalogFormatException>(() => MappingCollectionReader.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
