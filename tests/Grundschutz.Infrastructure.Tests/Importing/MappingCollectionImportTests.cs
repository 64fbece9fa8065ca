using System.Text;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Importing;

/// <summary>OSCAL mapping collections through the catalogue import (format sniffing, one transaction, same file once).</summary>
public sealed class MappingCollectionImportTests
{
    [SkippableFact]
    public async Task Import_OfficialMapping_StoresEveryMapEntry()
    {
        var path = SharedFiles.GsPlusPlus("ITGS-to-GS++-mapping_collection.json");
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var results = await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(path)], "test", CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(CatalogImportResult.MappingCollectionKind, result.Kind);
        Assert.Equal(2, result.Groups);
        Assert.Equal(1185, result.Requirements);
        Assert.False(result.AlreadyImported);
        await using var check = database.NewContext();
        var collection = await check.MappingCollections.SingleAsync();
        Assert.Equal("GSMap OSCAL Mapping Collection", collection.Title);
        Assert.Equal(64, collection.Sha256.Length);
        Assert.Equal(1185, await check.MapEntries.CountAsync());
        Assert.Equal(1013, await check.MapEntries.CountAsync(e => e.TargetCatalog == "BSI Stand der Technik Kernel"));
        Assert.Equal(118, await check.MapEntries.CountAsync(e => e.Relationship == "equivalent-to"));
        Assert.Equal(510, await check.MapEntries.Select(e => e.SourceRequirementId).Distinct().CountAsync());
        Assert.Equal(0, await check.CatalogVersions.CountAsync());
    }

    [SkippableFact]
    public async Task Import_SameMappingTwice_NoOp()
    {
        var path = SharedFiles.GsPlusPlus("ITGS-to-GS++-mapping_collection.json");
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(path)], "test", CancellationToken.None);
        }

        await using var again = database.NewContext();
        var results = await database.NewImporter(again).ImportAsync([CatalogImportFile.FromPath(path)], "test", CancellationToken.None);

        Assert.True(Assert.Single(results).AlreadyImported);
        Assert.Equal(1, await again.MappingCollections.CountAsync());
        Assert.Equal(1185, await again.MapEntries.CountAsync());
    }

    [Fact]
    public async Task Import_BrokenMappingWithGoodCatalogue_NothingSaved()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var broken = Encoding.UTF8.GetBytes("{\"mapping-collection\":{\"metadata\":{\"title\":\"Kaputt\",\"version\":\"1\"},\"mappings\":[]}}");
        var catalogue = SharedFiles.InRepository("catalog/demo-katalog.json");

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() => database.NewImporter(db).ImportAsync(
            [CatalogImportFile.FromPath(catalogue), new CatalogImportFile("kaputt.json", broken.Length, () => new MemoryStream(broken))],
            "test",
            CancellationToken.None));

        Assert.Contains("keine Zuordnungen", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kaputt.json", ex.Message, StringComparison.Ordinal);
        await using var check = database.NewContext();
        Assert.Equal(0, await check.MappingCollections.CountAsync());
        Assert.Equal(0, await check.CatalogVersions.CountAsync());
    }
}
