using System.Text;

using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Tests.Catalog.Kompendium;
using Grundschutz.Domain.Tests.Catalog.Oscal;
using Grundschutz.TestSupport;

namespace Grundschutz.Domain.Tests.Catalog;

/// <summary>
/// The language of a catalogue's texts as read at import (WCAG 3.1.2: the pages mark the texts with it). OSCAL has no
/// field for it: a <c>metadata.props</c> entry <c>lang</c>/<c>language</c> counts; the BSI's catalogues are German.
/// </summary>
public class CatalogLanguageTests
{
    [Theory]
    [InlineData("de", "de")]
    [InlineData("EN", "en")]
    [InlineData(" en-us ", "en-US")]
    [InlineData("de-DE", "de-DE")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("sr-Latn", "sr-Latn")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("en-x-Intern", "en-x-intern")]
    public void TryNormalize_WellFormedTag_IsNormalised(string value, string expected)
    {
        Assert.True(CatalogLanguage.TryNormalize(value, out var tag));
        Assert.Equal(expected, tag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Deutsch")]
    [InlineData("de_DE")]
    [InlineData("e")]
    [InlineData("en-")]
    [InlineData("en--US")]
    [InlineData("de DE")]
    [InlineData("<script>")]
    [InlineData("en-US-abcdefghi")]
    [InlineData("de-DE-aaaaa-bbbbb-ccccc-ddddd-eeeee-fffff")]
    public void TryNormalize_NotATag_IsRefused(string? value)
    {
        Assert.False(CatalogLanguage.TryNormalize(value, out var tag));
        Assert.Equal("", tag);
    }

    [Fact]
    public void Read_OscalCatalogWithLanguageProp_TakesIt()
    {
        var doc = ReadOscal(EnglishCatalog("""{ "name": "language", "value": "en-gb" }"""));

        Assert.Equal("en-GB", doc.Language);
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void Read_OscalCatalogWithUnusableLanguageProp_WarnsAndLeavesItOpen()
    {
        var doc = ReadOscal(EnglishCatalog("""{ "name": "lang", "value": "Englisch" }"""));

        Assert.Null(doc.Language);
        Assert.Contains(
            "Die Sprachangabe „Englisch“ in metadata.props ist kein gültiges Sprachkennzeichen (BCP 47, z. B. „de“ oder „en“); sie wurde nicht übernommen.",
            doc.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Read_OscalCatalogWithoutLanguage_LeavesItOpen()
    {
        Assert.Null(ReadOscal(EnglishCatalog()).Language);
        Assert.Null(OscalFixtures.Read("generic-catalog.json").Language);
    }

    [Fact]
    public void Read_GrundschutzPlusPlusCatalogWithoutLanguage_IsGerman()
    {
        var doc = OscalFixtures.Read("mini-catalog.json");

        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, doc.Framework);
        Assert.Equal(CatalogLanguage.German, doc.Language);
    }

    [Fact]
    public void Resolve_Profile_TakesItsCataloguesCommonLanguageOrItsOwn()
    {
        var mini = OscalFixtures.Available("mini-catalog.json");
        var generic = OscalFixtures.Available("generic-catalog.json");
        var english = generic with { Document = generic.Document with { Language = "en" } };

        Assert.Null(OscalFixtures.Read("profile-include.json", [mini, generic]).Language);
        Assert.Null(OscalFixtures.Read("profile-include.json", [mini, english]).Language);
        var germanOnly = new AvailableCatalog(generic.FileName, generic.Document with { Language = "de" });
        Assert.Equal("de", OscalFixtures.Read("profile-include.json", [mini, germanOnly]).Language);
    }

    [Fact]
    public void Read_KompendiumWithoutXmlLang_IsGerman()
    {
        Assert.Equal(CatalogLanguage.German, KompendiumFixtures.Read("minimal-kompendium.xml").Language);
    }

    [Theory]
    [InlineData("en", "en", false)]
    [InlineData("de-at", "de-AT", false)]
    [InlineData("deutsch!", "de", true)]
    public void Read_KompendiumWithXmlLang_TakesIt(string xmlLang, string expected, bool warns)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Kompendium", "minimal-kompendium.xml");
        var xml = File.ReadAllText(path).Replace("version=\"5.0\"", $"version=\"5.0\" xml:lang=\"{xmlLang}\"", StringComparison.Ordinal);

        var doc = KompendiumFixtures.ReadXml(xml);

        Assert.Equal(expected, doc.Language);
        Assert.Equal(warns, doc.Warnings.Any(w => w.ToString().Contains("(xml:lang)", StringComparison.Ordinal)));
    }

    /// <summary>The official files say nothing about their language: the BSI's are German, the ISO working copy is open.</summary>
    [SkippableFact]
    public void Read_OfficialFiles_BsiCataloguesGermanIsoOpen()
    {
        Assert.Equal("de", OscalFixtures.Official("BSI-Methodik-Grundschutz++-catalog.json").Language);
        Assert.Equal("de", OscalFixtures.Official("BSI-Anforderungen-zum-Risikomanagement-catalog.json").Language);
        Assert.Null(OscalFixtures.Official("ISO27001-AnnexA-catalog.json").Language);
        using var kompendium = File.OpenRead(SharedFiles.Kompendium2023);
        Assert.Equal("de", Domain.Catalog.Kompendium.KompendiumXmlReader.Read(kompendium).Language);
    }

    private static string EnglishCatalog(string? prop = null) => $$"""
        { "catalog": { "uuid": "c0000000-0000-4000-8000-00000000e001",
          "metadata": { "title": "Small English catalogue", "version": "1", "oscal-version": "1.1.3"{{(prop is null ? "" : $", \"props\": [ {{ \"name\": \"keywords\", \"value\": \"x\" }}, {prop} ]")}} },
          "groups": [ { "id": "EN", "title": "English group",
            "controls": [ { "id": "EN.1", "title": "Access control policy",
              "parts": [ { "name": "statement", "prose": "The organisation shall define an access control policy." } ] } ] } ] } }
        """;

    private static CatalogDocument ReadOscal(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CatalogPipeline.Read(stream, "english.json", [], new CatalogReadOptions());
    }
}
