using System.Security.Cryptography;
using System.Text;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Importing;

public sealed class CatalogImportServiceTests
{
    private static string DemoCatalogPath => SharedFiles.InRepository("catalog/demo-katalog.json");

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static CatalogImportFile FromBytes(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes));

    [Fact]
    public async Task Import_DemoCatalog_StoresVersionGroupsRequirementsAndLinks()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var results = await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(DemoCatalogPath)], "tester", CancellationToken.None);

        var result = Assert.Single(results);
        Assert.False(result.AlreadyImported);
        Assert.Equal("Demo-Katalog Kommunale Basissicherheit", result.Title);
        Assert.Equal("2026.1", result.Version);
        Assert.Equal(8, result.Groups);          // 3 practices + 5 topics
        Assert.Equal(15, result.Requirements);   // 14 controls + 1 nested

        var version = await db.CatalogVersions.AsNoTracking().SingleAsync();
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(DemoCatalogPath)));
        Assert.Equal(expectedSha, version.Sha256);
        Assert.Equal("demo-katalog.json", version.SourceFileName);
        Assert.Equal(database.Time.GetUtcNow(), version.ImportedAt);
        Assert.Equal("tester", version.ImportedBy);
        Assert.Equal(15, await db.Requirements.CountAsync(r => r.CatalogVersionId == version.Id));

        var nested = await db.Requirements.AsNoTracking().SingleAsync(r => r.RequirementId == "ORG.2.1.1");
        Assert.Equal("ORG.2.1", nested.ParentRequirementId);
        Assert.Equal("ORG.2", nested.GroupId);
        Assert.Equal("ORG", nested.TopGroupId);
        Assert.Equal(1, nested.Depth);
        Assert.Equal("|Mitarbeitende|", nested.TargetObjectCategories);

        var tec12 = await db.Requirements.AsNoTracking().SingleAsync(r => r.RequirementId == "TEC.1.2");
        Assert.Equal("MUSS", tec12.ModalVerb);
        Assert.Equal(3, tec12.EffortLevel);
        Assert.Equal("|Backup|Ransomware|", tec12.Tags);
        Assert.Contains("datensicherung", tec12.SearchText, StringComparison.Ordinal);

        // The parameter in ORG.1.1 is resolved to its label.
        var org11 = await db.Requirements.AsNoTracking().SingleAsync(r => r.RequirementId == "ORG.1.1");
        Assert.Equal("Die Verwaltungsleitung MUSS eine verantwortliche Person für Informationssicherheit benennen.", org11.Statement);

        var required = await db.RequirementLinks.AsNoTracking().Where(l => l.Rel == "required").Select(l => l.FromRequirementId + ">" + l.ToRequirementId).ToListAsync();
        Assert.Equal(["NOT.1.2>NOT.1.1", "ORG.1.2>ORG.1.1", "ORG.2.1.1>ORG.2.1", "TEC.1.2>TEC.1.1", "TEC.1.3>TEC.1.2"], required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_SameFileTwice_IsNoOp()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(DemoCatalogPath)], null, CancellationToken.None);
        }

        await using var db2 = database.NewContext();
        var again = await database.NewImporter(db2).ImportAsync([CatalogImportFile.FromPath(DemoCatalogPath)], null, CancellationToken.None);

        Assert.True(Assert.Single(again).AlreadyImported);
        Assert.Equal(1, await db2.CatalogVersions.CountAsync());
        Assert.Equal(15, await db2.Requirements.CountAsync());
    }

    [Fact]
    public async Task Import_NewVersionOfSameCatalogue_LivesNextToTheOld()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var original = await File.ReadAllTextAsync(DemoCatalogPath);
        var changed = original.Replace("\"version\": \"2026.1\"", "\"version\": \"2026.2\"", StringComparison.Ordinal)
            .Replace("Regelmäßige Datensicherung", "Tägliche Datensicherung", StringComparison.Ordinal);

        await database.NewImporter(db).ImportAsync([FromBytes("demo-katalog.json", Encoding.UTF8.GetBytes(original))], null, CancellationToken.None);
        await database.NewImporter(db).ImportAsync([FromBytes("demo-katalog-2.json", Encoding.UTF8.GetBytes(changed))], null, CancellationToken.None);

        var catalog = await db.Catalogs.Include(c => c.Versions).AsNoTracking().SingleAsync();
        Assert.Equal(["2026.1", "2026.2"], catalog.Versions.Select(v => v.Version).Order(StringComparer.Ordinal));
        var titles = await db.Requirements.AsNoTracking().Where(r => r.RequirementId == "TEC.1.1").Select(r => r.Title).ToListAsync();
        Assert.Equal(["Regelmäßige Datensicherung", "Tägliche Datensicherung"], titles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_BrokenFileInSameCall_SavesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() => database.NewImporter(db).ImportAsync(
            [CatalogImportFile.FromPath(DemoCatalogPath), CatalogImportFile.FromPath(Fixture("kaputt.json"))], null, CancellationToken.None));

        Assert.Equal("kaputt.json", ex.FileName);
        Assert.StartsWith("kaputt.json (Zeile ", ex.Message, StringComparison.Ordinal);
        await using var fresh = database.NewContext();
        Assert.Equal(0, await fresh.CatalogVersions.CountAsync());
        Assert.Equal(0, await fresh.Requirements.CountAsync());
    }

    [Fact]
    public async Task Import_OverSizeLimit_IsRefusedBeforeReading()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var opened = false;
        var file = new CatalogImportFile("gross.json", 2048, () =>
        {
            opened = true;
            return new MemoryStream(new byte[2048]);
        });

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() => database.NewImporter(db, maxFileBytes: 1024).ImportAsync([file], null, CancellationToken.None));

        Assert.Contains("größer als das Limit von 1024 Bytes", ex.Message, StringComparison.Ordinal);
        Assert.False(opened);
        Assert.Equal(0, await db.CatalogVersions.CountAsync());
    }

    [Fact]
    public async Task Import_OverSizeLimitWithUnknownLength_StopsWhileReading()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var file = new CatalogImportFile("strom.json", null, () => new MemoryStream(new byte[200_000]));

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() => database.NewImporter(db, maxFileBytes: 100_000).ImportAsync([file], null, CancellationToken.None));

        Assert.Contains("größer als das Limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ProfileWithCatalogueInSameCall_ResolvesIncludedControls()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        // The profile comes first in the call; the service imports catalogues before profiles.
        var results = await database.NewImporter(db).ImportAsync(
            [CatalogImportFile.FromPath(Fixture("demo-profil.json")), CatalogImportFile.FromPath(DemoCatalogPath)], null, CancellationToken.None);

        Assert.Equal(["demo-profil.json", "demo-katalog.json"], results.Select(r => r.FileName));
        var profile = results[0];
        Assert.Equal("Demo-Profil Datensicherung", profile.Title);
        Assert.Equal(3, profile.Requirements);
        var ids = await db.Requirements.AsNoTracking().Where(r => r.CatalogVersionId == profile.CatalogVersionId).OrderBy(r => r.Sequence).Select(r => r.RequirementId).ToListAsync();
        Assert.Equal(["TEC.1.1", "TEC.1.2", "NOT.1.1"], ids);
        var format = await db.CatalogVersions.Where(v => v.Id == profile.CatalogVersionId).Select(v => v.Format).SingleAsync();
        Assert.Equal(CatalogFormat.OscalProfile, format);
    }

    [Fact]
    public async Task Import_ProfileAgainstCatalogueImportedEarlier_Resolves()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(DemoCatalogPath)], null, CancellationToken.None);
        }

        await using var db2 = database.NewContext();
        var result = Assert.Single(await database.NewImporter(db2).ImportAsync([CatalogImportFile.FromPath(Fixture("demo-profil.json"))], null, CancellationToken.None));

        Assert.Equal(3, result.Requirements);
        Assert.Equal(2, await db2.CatalogVersions.CountAsync());
    }

    [Fact]
    public async Task Import_ProfileWithoutItsCatalogue_NamesTheMissingCatalogueAndSavesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() => database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(Fixture("demo-profil.json"))], null, CancellationToken.None));

        Assert.Contains("demo-katalog.json", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.CatalogVersions.CountAsync());
    }

    private static readonly byte[] CatalogueWithWarnings = Grundschutz.TestSupport.CatalogueWithWarnings.Bytes("b0000000-0000-4000-8000-000000000001");

    private static readonly string[] GermanWarnings = Grundschutz.TestSupport.CatalogueWithWarnings.GermanWarnings;

    [Fact]
    public async Task Import_CatalogueWithWarnings_StoresFormatsAndArgumentsAndReadsThemBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var imported = Assert.Single(await database.NewImporter(db).ImportAsync([FromBytes("warnungen.json", CatalogueWithWarnings)], null, CancellationToken.None));
            Assert.Equal(GermanWarnings, imported.Warnings.Select(w => w.ToString()));
        }

        await using var fresh = database.NewContext();
        var version = await fresh.CatalogVersions.AsNoTracking().SingleAsync();
        using (var json = System.Text.Json.JsonDocument.Parse(version.WarningsJson))
        {
            var stored = json.RootElement.EnumerateArray().ToList();
            Assert.Equal(
                ["Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.", "{0} Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. {1}."],
                stored.Select(w => w.GetProperty("format").GetString()));
            Assert.Equal(2, stored[1].GetProperty("arguments")[0].GetProperty("integer").GetInt32());
        }

        // The same file again reads the stored warnings; so does the loader that rebuilds the document.
        var again = Assert.Single(await database.NewImporter(fresh).ImportAsync([FromBytes("warnungen.json", CatalogueWithWarnings)], null, CancellationToken.None));
        Assert.True(again.AlreadyImported);
        Assert.Equal(GermanWarnings, again.Warnings.Select(w => w.ToString()));
        Assert.Equal("{0} Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. {1}.", again.Warnings[1].Format);
        Assert.Equal([2L, "W.1 → X.9, W.2 → Y.1"], again.Warnings[1].Arguments);
        var (_, loaded) = await StoredCatalogLoader.LoadAsync(fresh, version.Id, CancellationToken.None);
        Assert.Equal(GermanWarnings, loaded.Warnings.Select(w => w.ToString()));
    }

    /// <summary>Versions imported before the warnings were kept as messages hold plain German strings: they still load, as they are.</summary>
    [Fact]
    public async Task Import_VersionStoredWithPlainStringWarnings_ReadsThemAsVerbatimTexts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await database.NewImporter(db).ImportAsync([FromBytes("warnungen.json", CatalogueWithWarnings)], null, CancellationToken.None);
            var stored = await db.CatalogVersions.SingleAsync();
            stored.WarningsJson = System.Text.Json.JsonSerializer.Serialize(GermanWarnings);
            await db.SaveChangesAsync();
        }

        await using var fresh = database.NewContext();
        var again = Assert.Single(await database.NewImporter(fresh).ImportAsync([FromBytes("warnungen.json", CatalogueWithWarnings)], null, CancellationToken.None));
        var versionId = (await fresh.CatalogVersions.AsNoTracking().SingleAsync()).Id;
        var (_, loaded) = await StoredCatalogLoader.LoadAsync(fresh, versionId, CancellationToken.None);

        Assert.True(again.AlreadyImported);
        Assert.Equal(GermanWarnings, again.Warnings.Select(w => w.ToString()));
        Assert.All(again.Warnings, w => Assert.Equal(Grundschutz.Domain.Texts.MessageText.VerbatimFormat, w.Format));
        Assert.Equal(GermanWarnings, loaded.Warnings.Select(w => w.ToString()));
    }

    [SkippableFact]
    public async Task Import_OfficialKompendiumAndKernel_ExactCounts()
    {
        var kompendium = SharedFiles.Kompendium2023;
        var kernel = SharedFiles.GsPlusPlus("BSI-Stand-der-Technik-Kernel-catalog.json");
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var results = await database.NewImporter(db).ImportAsync([CatalogImportFile.FromPath(kompendium), CatalogImportFile.FromPath(kernel)], null, CancellationToken.None);

        Assert.Equal(2125, results[0].Requirements);
        Assert.Equal(290, results[0].Withdrawn);
        Assert.Equal(121, results[0].Groups); // 10 layers + 111 modules
        Assert.Equal(901, results[1].Requirements);
        Assert.Equal(117, results[1].Groups);
        var kompendiumId = results[0].CatalogVersionId;
        Assert.Equal(1835, await db.Requirements.CountAsync(r => r.CatalogVersionId == kompendiumId && !r.Withdrawn));
        Assert.Equal(563, await db.Requirements.CountAsync(r => r.CatalogVersionId == kompendiumId && !r.Withdrawn && r.Level == RequirementLevel.Basis));
        Assert.Equal(44, await db.RequirementLinks.CountAsync(l => l.CatalogVersionId == results[1].CatalogVersionId && l.Rel == "required"));
    }
}
