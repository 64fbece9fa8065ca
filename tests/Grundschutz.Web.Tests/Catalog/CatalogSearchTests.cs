using System.Net;

using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Catalog;

public sealed class CatalogSearchTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public CatalogSearchTests(GrundschutzWebFactory factory) => _factory = factory;

    private static List<string?> ResultIds(IDocument page) =>
        page.QuerySelectorAll("#search-results > li").Select(li => li.GetAttribute("data-requirement-id")).ToList();

    private async Task<IHtmlDocument> SearchAsync(string query) =>
        await Html.GetDocumentAsync(_factory.CreateBrowserClient(), "/Catalog/Search?" + query);

    /// <summary>A Grundschutz++-like version whose requirements differ in exactly one attribute each.</summary>
    private Task<CatalogBuilder.Built> BuildFilterCatalogAsync() =>
        new CatalogBuilder("Filterkatalog", CatalogFramework.GrundschutzPlusPlus)
            .Group("ASST", "Informationen und Assets").Group("ASST.1", "Grundlagen", "ASST")
            .Group("PERS", "Personal").Group("PERS.1", "Schulung", "PERS")
            .Requirement("ASST.1.1", "Basisfall", "ASST.1")
            .Requirement("ASST.1.2", "Erhöht", "ASST.1", r => r.SecLevel = "erhöht")
            .Requirement("ASST.1.3", "Aufwand fünf", "ASST.1", r => r.EffortLevel = 5)
            .Requirement("ASST.1.4", "Muss", "ASST.1", r => r.ModalVerb = "MUSS")
            .Requirement("ASST.1.5", "Rolle", "ASST.1", r => r.Roles = MultiValue.Encode(["ISB", "IT-Betrieb"]))
            .Requirement("ASST.1.6", "Rolle ähnlich", "ASST.1", r => r.Roles = MultiValue.Encode(["ISB-Team"]))
            .Requirement("ASST.1.7", "Kategorie", "ASST.1", r => r.TargetObjectCategories = MultiValue.Encode(["Daten", "Anwendungen"]))
            .Requirement("ASST.1.8", "Schlagwort", "ASST.1", r => r.Tags = MultiValue.Encode(["Shadow IT"]))
            .Requirement("ASST.1.9", "Schlagwort länger", "ASST.1", r => r.Tags = MultiValue.Encode(["Shadow IT Cloud"]))
            .Requirement("PERS.1.1", "Andere Praktik", "PERS.1")
            .SaveAsync(_factory.Services);

    [Theory]
    [InlineData("PRÜFUNG")]
    [InlineData("pruefung")]
    [InlineData("Prüfung")]
    [InlineData("PRUEFUNG")]
    public async Task Search_UmlautsAndCase_AreFolded(string query)
    {
        var built = await new CatalogBuilder("Faltung")
            .Group("DER", "Detektion").Group("DER.1", "Detektion", "DER")
            .Requirement("DER.1.A1", "Prüfung der Protokolle", "DER.1")
            .Requirement("DER.1.A2", "Auswertung", "DER.1", r => r.Statement = "Die Ergebnisse der PRÜFUNG MÜSSEN dokumentiert werden.")
            .Requirement("DER.1.A3", "Unbeteiligt", "DER.1")
            .SaveAsync(_factory.Services);

        var page = await SearchAsync($"version={built.VersionId}&q={Uri.EscapeDataString(query)}");

        Assert.Equal(["DER.1.A1", "DER.1.A2"], ResultIds(page));
        Assert.Equal("2 Treffer", page.QuerySelector("#result-count")!.TextContent);
    }

    [Fact]
    public async Task Search_SeveralTerms_AllMustMatchAndTitleHitsComeFirst()
    {
        var built = await new CatalogBuilder("Rangfolge")
            .Group("OPS", "Betrieb").Group("OPS.1", "Betrieb", "OPS")
            .Requirement("OPS.1.A1", "Allgemein", "OPS.1", r => r.Statement = "Die Datensicherung MUSS regelmäßig getestet werden.")
            .Requirement("OPS.1.A2", "Nur ein Begriff", "OPS.1", r => r.Statement = "Die Datensicherung MUSS existieren.")
            .Requirement("OPS.1.A3", "Test der Datensicherung", "OPS.1")
            .SaveAsync(_factory.Services);

        var page = await SearchAsync($"version={built.VersionId}&q=datensicherung+getestet");
        var titleFirst = await SearchAsync($"version={built.VersionId}&q=Datensicherung");

        Assert.Equal(["OPS.1.A1"], ResultIds(page));
        Assert.Equal(["OPS.1.A3", "OPS.1.A1", "OPS.1.A2"], ResultIds(titleFirst));
    }

    [Fact]
    public async Task Search_RequirementIdAsQuery_FindsIt()
    {
        var built = await new CatalogBuilder("ID-Suche")
            .Group("APP", "Anwendungen").Group("APP.1.1", "Office", "APP")
            .Requirement("APP.1.1.A2", "Einschränken von Aktiven Inhalten", "APP.1.1")
            .Requirement("APP.1.1.A3", "Öffnen von Dokumenten", "APP.1.1")
            .SaveAsync(_factory.Services);

        var page = await SearchAsync($"version={built.VersionId}&q=app.1.1.a2");

        Assert.Equal(["APP.1.1.A2"], ResultIds(page));
    }

    [Theory]
    [InlineData("secLevel=erh%C3%B6ht", "ASST.1.2")]
    [InlineData("effort=5", "ASST.1.3")]
    [InlineData("modal=MUSS", "ASST.1.4")]
    [InlineData("role=ISB", "ASST.1.5")]
    [InlineData("role=ISB-Team", "ASST.1.6")]
    [InlineData("category=Daten", "ASST.1.7")]
    [InlineData("category=Anwendungen", "ASST.1.7")]
    [InlineData("tag=Shadow+IT", "ASST.1.8")]
    [InlineData("top=PERS", "PERS.1.1")]
    public async Task Search_Filter_NarrowsToExactlyTheMatchingRequirement(string filter, string expected)
    {
        var built = await BuildFilterCatalogAsync();

        var page = await SearchAsync($"version={built.VersionId}&{filter}");

        Assert.Equal([expected], ResultIds(page));
    }

    [Fact]
    public async Task Search_NoFilter_ListsTheWholeVersionInDocumentOrder()
    {
        var built = await BuildFilterCatalogAsync();

        var page = await SearchAsync($"version={built.VersionId}");

        Assert.Equal(
            ["ASST.1.1", "ASST.1.2", "ASST.1.3", "ASST.1.4", "ASST.1.5", "ASST.1.6", "ASST.1.7", "ASST.1.8", "ASST.1.9", "PERS.1.1"],
            ResultIds(page));
    }

    [Fact]
    public async Task Search_LevelFilter_AcceptsLetterAndName()
    {
        var built = await new CatalogBuilder("Stufen")
            .Group("CON", "Konzepte").Group("CON.3", "Datensicherung", "CON")
            .Requirement("CON.3.A1", "Basis", "CON.3")
            .Requirement("CON.3.A6", "Standard", "CON.3", r => r.Level = RequirementLevel.Standard)
            .Requirement("CON.3.A13", "Hoch", "CON.3", r => r.Level = RequirementLevel.Hoch)
            .SaveAsync(_factory.Services);

        Assert.Equal(["CON.3.A1"], ResultIds(await SearchAsync($"version={built.VersionId}&level=B")));
        Assert.Equal(["CON.3.A6"], ResultIds(await SearchAsync($"version={built.VersionId}&level=S")));
        Assert.Equal(["CON.3.A13"], ResultIds(await SearchAsync($"version={built.VersionId}&level=H")));
        Assert.Equal(["CON.3.A1"], ResultIds(await SearchAsync($"version={built.VersionId}&level=Basis")));
    }

    [Fact]
    public async Task Search_FilterOptions_ComeFromTheSelectedVersion()
    {
        var built = await BuildFilterCatalogAsync();

        var page = await SearchAsync($"version={built.VersionId}");

        List<string?> Options(string id) =>
            page.QuerySelectorAll($"#{id} option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Equal(["Shadow IT", "Shadow IT Cloud"], Options("filter-tag"));
        Assert.Equal(["ISB", "ISB-Team", "IT-Betrieb"], Options("filter-role"));
        Assert.Equal(["Anwendungen", "Daten"], Options("filter-category"));
        Assert.Equal(["erhöht", "normal-SdT"], Options("filter-sec-level"));
        Assert.Equal(["2", "5"], Options("filter-effort"));
        Assert.Equal(["MUSS", "SOLLTE"], Options("filter-modal"));
        Assert.Equal(["ASST", "PERS"], Options("filter-top"));
        Assert.Null(page.QuerySelector("#filter-level"));
        Assert.Equal(built.VersionId.ToString(), ((IHtmlSelectElement)page.QuerySelector("#filter-version")!).Value);
        foreach (var select in page.QuerySelectorAll("#search-form select"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{select.Id}']"));
        }
    }

    [Fact]
    public async Task Search_SubmittingTheForm_CombinesQueryAndFilters()
    {
        var built = await new CatalogBuilder("Formular")
            .Group("NET", "Netze").Group("NET.1.1", "Netzarchitektur", "NET")
            .Requirement("NET.1.1.A1", "Sicherheitsrichtlinie für das Netz", "NET.1.1")
            .Requirement("NET.1.1.A2", "Sicherheitsrichtlinie erweitert", "NET.1.1", r => r.Level = RequirementLevel.Standard)
            .Requirement("NET.1.1.A3", "Anderes", "NET.1.1", r => r.Level = RequirementLevel.Standard)
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();
        var start = await Html.GetDocumentAsync(client, $"/Catalog/Search?version={built.VersionId}");
        var form = (IHtmlFormElement)start.QuerySelector("#search-form")!;

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["q"] = "sicherheitsrichtlinie",
            ["level"] = "S",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Equal(["NET.1.1.A2"], ResultIds(result));
        Assert.Equal("sicherheitsrichtlinie", ((IHtmlInputElement)result.QuerySelector("#search-q")!).Value);
        Assert.Equal("S", ((IHtmlSelectElement)result.QuerySelector("#filter-level")!).Value);
        Assert.Contains("level=S", response.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Withdrawn_HiddenByDefaultShownOnRequest()
    {
        var built = await new CatalogBuilder("Entfallene")
            .Group("SYS", "IT-Systeme").Group("SYS.1.1", "Server", "SYS")
            .Requirement("SYS.1.1.A1", "Serverzugang", "SYS.1.1")
            .Requirement("SYS.1.1.A2", "ENTFALLEN", "SYS.1.1", r =>
            {
                r.Withdrawn = true;
                r.Statement = "Diese Anforderung ist entfallen.";
            })
            .SaveAsync(_factory.Services);

        var hidden = await SearchAsync($"version={built.VersionId}");
        var shown = await SearchAsync($"version={built.VersionId}&withdrawn=true");

        Assert.Equal(["SYS.1.1.A1"], ResultIds(hidden));
        Assert.False(((IHtmlInputElement)hidden.QuerySelector("#filter-withdrawn")!).IsChecked);
        Assert.Equal(["SYS.1.1.A1", "SYS.1.1.A2"], ResultIds(shown));
        Assert.True(((IHtmlInputElement)shown.QuerySelector("#filter-withdrawn")!).IsChecked);
        Assert.Equal("entfallen", shown.QuerySelector("[data-requirement-id='SYS.1.1.A2'] .badge")!.TextContent);
    }

    [Fact]
    public async Task Search_SixtyMatches_ThreePagesWithPagerKeepingTheQuery()
    {
        var builder = new CatalogBuilder("Blättern").Group("IND", "Industrie").Group("IND.1", "Prozessleittechnik", "IND");
        for (var i = 1; i <= 60; i++)
        {
            builder.Requirement($"IND.1.A{i}", $"Steuerung {i}", "IND.1", r => r.Statement = "Die Prozesssteuerung MUSS überwacht werden.");
        }

        builder.Requirement("IND.1.A61", "Ohne Treffer", "IND.1");
        var built = await builder.SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var first = await Html.GetDocumentAsync(client, $"/Catalog/Search?version={built.VersionId}&q=prozesssteuerung");
        Assert.Equal("60 Treffer", first.QuerySelector("#result-count")!.TextContent);
        Assert.Equal("Seite 1 von 3", first.QuerySelector("#pager-status")!.TextContent);
        Assert.Null(first.QuerySelector("#pager-prev"));
        Assert.Equal(25, ResultIds(first).Count);
        Assert.Equal("IND.1.A1", ResultIds(first)[0]);

        var second = await Html.GetDocumentAsync(client, first.QuerySelector("#pager-next")!.GetAttribute("href")!);
        Assert.Equal("Seite 2 von 3", second.QuerySelector("#pager-status")!.TextContent);
        Assert.Equal("IND.1.A26", ResultIds(second)[0]);
        Assert.Equal("26", second.QuerySelector("#search-results")!.GetAttribute("start"));

        var third = await Html.GetDocumentAsync(client, second.QuerySelector("#pager-next")!.GetAttribute("href")!);
        Assert.Equal("Seite 3 von 3", third.QuerySelector("#pager-status")!.TextContent);
        Assert.Equal(Enumerable.Range(51, 10).Select(i => $"IND.1.A{i}"), ResultIds(third));
        Assert.Null(third.QuerySelector("#pager-next"));
        Assert.Equal(second.Url, new Uri(new Uri("https://localhost"), third.QuerySelector("#pager-prev")!.GetAttribute("href")!).ToString());
        Assert.Equal("60 Treffer", third.QuerySelector("#result-count")!.TextContent);
    }

    [Theory]
    [InlineData("99", "Seite 3 von 3")]
    [InlineData("0", "Seite 1 von 3")]
    [InlineData("abc", "Seite 1 von 3")]
    public async Task Search_PageOutOfRange_IsClamped(string pageNumber, string expected)
    {
        var builder = new CatalogBuilder("Seitengrenzen").Group("IND", "Industrie").Group("IND.2", "ICS", "IND");
        for (var i = 1; i <= 51; i++)
        {
            builder.Requirement($"IND.2.A{i}", $"Komponente {i}", "IND.2");
        }

        var built = await builder.SaveAsync(_factory.Services);

        var page = await SearchAsync($"version={built.VersionId}&page={pageNumber}");

        Assert.Equal(expected, page.QuerySelector("#pager-status")!.TextContent);
    }

    [Fact]
    public async Task Search_ResultShowsModuleLevelAndSnippet()
    {
        var longText = "Der IT-Betrieb MUSS " + string.Join(' ', Enumerable.Repeat("Datensicherungen", 40)) + " durchführen.";
        var built = await new CatalogBuilder("Trefferdarstellung")
            .Group("CON", "Konzepte").Group("CON.3", "Datensicherungskonzept", "CON")
            .Requirement("CON.3.A5", "Regelmäßige Datensicherung", "CON.3", r => r.Statement = longText)
            .SaveAsync(_factory.Services);

        var page = await SearchAsync($"version={built.VersionId}&q=regelm%C3%A4%C3%9Fige");

        var result = page.QuerySelector("#search-results > li")!;
        Assert.Equal("CON.3.A5 Regelmäßige Datensicherung", result.QuerySelector("h3")!.TextContent);
        Assert.Equal("CON.3 Datensicherungskonzept", result.QuerySelector(".result-group")!.TextContent);
        Assert.Contains("Basis (B)", result.QuerySelector(".result-level")!.TextContent, StringComparison.Ordinal);
        var snippet = result.QuerySelector(".snippet")!.TextContent;
        Assert.StartsWith("Der IT-Betrieb MUSS Datensicherungen", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < longText.Length);
    }

    [Fact]
    public async Task Search_AllLatestVersions_SearchesTheNewestVersionOfEachCatalogue()
    {
        var old = await new CatalogBuilder("Mehrere A").Version("1")
            .Group("G", "G").Group("G.1", "G1", "G").Requirement("G.1.A1", "Quellenvielfalt alt", "G.1").SaveAsync(_factory.Services);
        var current = await new CatalogBuilder("Mehrere A").OfCatalog(old.CatalogId).Version("2")
            .Group("G", "G").Group("G.1", "G1", "G").Requirement("G.1.A2", "Quellenvielfalt neu", "G.1").SaveAsync(_factory.Services);
        var other = await new CatalogBuilder("Mehrere B", CatalogFramework.GrundschutzPlusPlus)
            .Group("P", "P").Group("P.1", "P1", "P").Requirement("P.1.1", "Quellenvielfalt anderswo", "P.1").SaveAsync(_factory.Services);

        var page = await SearchAsync("version=latest&q=quellenvielfalt");

        Assert.Equal(["G.1.A2", "P.1.1"], ResultIds(page));
        Assert.Equal(
            [current.VersionId.ToString(), other.VersionId.ToString()],
            page.QuerySelectorAll("#search-results > li").Select(li => li.GetAttribute("data-version-id")));
        Assert.Equal("latest", ((IHtmlSelectElement)page.QuerySelector("#filter-version")!).Value);
    }

    [Fact]
    public async Task Search_WithoutVersion_DefaultsToTheNewestKompendium()
    {
        await new CatalogBuilder("AAA Erster Katalog", CatalogFramework.GrundschutzPlusPlus)
            .Group("P", "P").Group("P.1", "P1", "P").Requirement("P.1.1", "Standardauswahl anderswo", "P.1").SaveAsync(_factory.Services);
        var kompendium = await new CatalogBuilder("IT-Grundschutz-Kompendium").Format(CatalogFormat.KompendiumXml)
            .Group("G", "G").Group("G.1", "G1", "G").Requirement("G.1.A1", "Standardauswahl im Kompendium", "G.1").SaveAsync(_factory.Services);

        var page = await SearchAsync("q=standardauswahl");

        Assert.Equal(["G.1.A1"], ResultIds(page));
        Assert.Equal(kompendium.VersionId.ToString(), ((IHtmlSelectElement)page.QuerySelector("#filter-version")!).Value);
    }

    [Fact]
    public async Task Search_NoMatch_SaysSo()
    {
        var built = await new CatalogBuilder("Leer").Group("G", "G").Group("G.1", "G1", "G").Requirement("G.1.A1", "Etwas", "G.1").SaveAsync(_factory.Services);

        var page = await SearchAsync($"version={built.VersionId}&q=gibtesnicht");

        Assert.Equal("0 Treffer", page.QuerySelector("#result-count")!.TextContent);
        Assert.NotNull(page.QuerySelector("#no-results"));
        Assert.Null(page.QuerySelector("#pager"));
    }
}
