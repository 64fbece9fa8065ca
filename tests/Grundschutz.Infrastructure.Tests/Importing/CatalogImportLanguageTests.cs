using System.Text;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Tests.Importing;

/// <summary>
/// The language stored with a catalogue version: the administrator's choice, else what the file states, else
/// <see cref="CatalogImportOptions.DefaultLanguage"/>.
/// </summary>
public sealed class CatalogImportLanguageTests
{
    private static CatalogImportFile Json(string name, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new CatalogImportFile(name, bytes.Length, () => new MemoryStream(bytes));
    }

    private static string Catalog(string title, string? language = null) => $$"""
        { "catalog": { "uuid": "{{Guid.NewGuid()}}",
          "metadata": { "title": "{{title}}", "version": "1", "oscal-version": "1.1.3"{{(language is null ? "" : $", \"props\": [ {{ \"name\": \"lang\", \"value\": \"{language}\" }} ]")}} },
          "groups": [ { "id": "EN", "title": "English group",
            "controls": [ { "id": "EN.1", "title": "Access control policy",
              "parts": [ { "name": "statement", "prose": "The organisation shall define an access control policy." } ] } ] } ] } }
        """;

    private static CatalogImportService Importer(TestDatabase database, GrundschutzDbContext db, string defaultLanguage = "de") =>
        new(db, database.Time, Options.Create(new CatalogImportOptions { DefaultLanguage = defaultLanguage }), NullLogger<CatalogImportService>.Instance);

    private static Task<string> StoredLanguageAsync(GrundschutzDbContext db, int versionId) =>
        db.CatalogVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Language).SingleAsync();

    [Fact]
    public async Task Import_FileStatesEnglish_StoresEnglish()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var result = Assert.Single(await Importer(database, db).ImportAsync([Json("en.json", Catalog("English", "EN-us"))], "tester", CancellationToken.None));

        Assert.Equal("en-US", result.Language);
        Assert.Equal("en-US", await StoredLanguageAsync(db, result.CatalogVersionId));
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("fr", "fr")]
    public async Task Import_FileStatesNothing_StoresTheConfiguredDefault(string defaultLanguage, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var result = Assert.Single(await Importer(database, db, defaultLanguage).ImportAsync([Json("x.json", Catalog("Ohne Sprache"))], "tester", CancellationToken.None));

        Assert.Equal(expected, await StoredLanguageAsync(db, result.CatalogVersionId));
    }

    [Fact]
    public async Task Import_LanguageChosen_OverridesTheFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var results = await Importer(database, db).ImportAsync(
            [Json("en.json", Catalog("English", "en")), Json("x.json", Catalog("Ohne Sprache"))], "tester", " DE-at ", CancellationToken.None);

        Assert.All(results, r => Assert.Equal("de-AT", r.Language));
        Assert.Equal(["de-AT", "de-AT"], await db.CatalogVersions.AsNoTracking().Select(v => v.Language).ToListAsync());
    }

    [Theory]
    [InlineData("Englisch")]
    [InlineData("")]
    public async Task Import_ChosenLanguageNotATag_IsRefusedAndSavesNothing(string language)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() =>
            Importer(database, db).ImportAsync([Json("en.json", Catalog("English"))], "tester", language, CancellationToken.None));

        Assert.Contains("ist kein gültiges Sprachkennzeichen", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.CatalogVersions.CountAsync());
    }

    [Fact]
    public async Task Import_DefaultLanguageSettingNotATag_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var ex = await Assert.ThrowsAsync<CatalogImportException>(() =>
            Importer(database, db, "Deutsch").ImportAsync([Json("x.json", Catalog("Ohne Sprache"))], "tester", CancellationToken.None));

        Assert.Contains("CatalogImport:DefaultLanguage", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.CatalogVersions.CountAsync());
    }

    /// <summary>A profile over a stored catalogue inherits the language the catalogue was stored with.</summary>
    [Fact]
    public async Task Import_ProfileOverStoredEnglishCatalogue_IsEnglish()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await Importer(database, db).ImportAsync([Json("basis.json", Catalog("English base"))], "tester", "en", CancellationToken.None);

        const string profile = """
            { "profile": { "uuid": "d0000000-0000-4000-8000-00000000e002",
              "metadata": { "title": "English selection", "version": "1", "oscal-version": "1.1.3" },
              "imports": [ { "href": "basis.json", "include-all": {} } ] } }
            """;
        var result = Assert.Single(await Importer(database, db).ImportAsync([Json("profil.json", profile)], "tester", CancellationToken.None));

        Assert.Equal("en", await StoredLanguageAsync(db, result.CatalogVersionId));
    }
}
