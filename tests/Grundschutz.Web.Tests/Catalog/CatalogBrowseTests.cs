using System.Net;

using AngleSharp.Html.Dom;

using Grundschutz.Domain.Catalog;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Catalog;

/// <summary>The catalogue list, a version's tree and a group's page, on data built per test.</summary>
public sealed class CatalogBrowseTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public CatalogBrowseTests(GrundschutzWebFactory factory) => _factory = factory;

    [Fact]
    public async Task Index_CatalogWithTwoVersions_ListsBothNewestFirstWithDiffForm()
    {
        var first = await new CatalogBuilder("Übersichtskatalog").Version("2022").SourceFile("alt.xml")
            .Group("L", "Schicht").Group("L.1", "Baustein", "L")
            .Requirement("L.1.A1", "Eins", "L.1")
            .SaveAsync(_factory.Services);
        var second = await new CatalogBuilder("Übersichtskatalog").OfCatalog(first.CatalogId).Version("2023").SourceFile("neu.xml")
            .ImportedAt(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero))
            .Group("L", "Schicht").Group("L.1", "Baustein", "L")
            .Requirement("L.1.A1", "Eins", "L.1")
            .Requirement("L.1.A2", "Zwei", "L.1", r => r.Withdrawn = true)
            .SaveAsync(_factory.Services);
        var single = await new CatalogBuilder("Einzelkatalog").Group("E", "Gruppe").SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var page = await Html.GetDocumentAsync(client, "/Catalog");

        var rows = page.QuerySelectorAll($"#versions-{first.CatalogId} tbody tr");
        Assert.Equal([second.VersionId.ToString(), first.VersionId.ToString()], rows.Select(r => r.GetAttribute("data-version-id")));
        var newest = rows[0].QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2023", "Übersichtskatalog", "Kompendium (XML)", "24.11.2026 15:30", "neu.xml", "2", "1"], newest);
        Assert.Equal($"/Catalog/Versions/{second.VersionId}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"#diff-form-{first.CatalogId}"));
        Assert.Null(page.QuerySelector($"#diff-form-{single.CatalogId}"));
        Assert.Equal("Versionen von Übersichtskatalog", page.QuerySelector($"#versions-{first.CatalogId} caption")!.TextContent);

        // The form preselects older → newer and leads to the comparison.
        var form = (IHtmlFormElement)page.QuerySelector($"#diff-form-{first.CatalogId}")!;
        var response = await Html.SubmitAsync(client, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/Catalog/Diff?from={first.VersionId}&to={second.VersionId}", response.RequestMessage!.RequestUri!.PathAndQuery);
        var diff = await Html.ParseAsync(response);
        Assert.Equal("1", diff.QuerySelector("#added-count")!.TextContent);
    }

    [Fact]
    public async Task Index_EnglishCulture_UsesEnglishTexts()
    {
        await new CatalogBuilder("Sprachkatalog").Group("S", "Gruppe").SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var page = await Html.GetDocumentAsync(client, "/Catalog?culture=en");

        Assert.Equal("Catalogues", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("caption"), c => c.TextContent == "Versions of Sprachkatalog");
    }

    [Fact]
    public async Task Version_ShowsMetadataWarningsAndExactlyTheBuiltTree()
    {
        var built = await new CatalogBuilder("Baumkatalog").Version("Edition 2099").SourceFile("baum.xml")
            .Warning("Erste Warnung.").Warning("Zweite Warnung.")
            .Group("ISMS", "Sicherheitsmanagement")
            .Group("ISMS.1", "Sicherheitsmanagement", "ISMS")
            .Group("SYS", "IT-Systeme")
            .Group("SYS.1.1", "Allgemeiner Server", "SYS")
            .Group("SYS.2.1", "Allgemeiner Client", "SYS")
            .Requirement("ISMS.1.A1", "Übernahme der Gesamtverantwortung", "ISMS.1")
            .Requirement("ISMS.1.A2", "Festlegung der Ziele", "ISMS.1")
            .Requirement("SYS.1.1.A1", "Zugriffsschutz", "SYS.1.1")
            .Requirement("SYS.1.1.A2", "ENTFALLEN", "SYS.1.1", r => r.Withdrawn = true)
            .Requirement("SYS.1.1.A3", "Updates", "SYS.1.1")
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var page = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}");

        Assert.Equal("baum.xml", page.QuerySelector("#meta-source-file")!.TextContent);
        Assert.Equal(64, page.QuerySelector("#meta-sha256")!.TextContent.Trim().Length);
        Assert.Equal("Edition 2099", page.QuerySelector("#meta-version")!.TextContent);
        Assert.Equal("23.11.2026 10:00", page.QuerySelector("#meta-imported-at time")!.TextContent);
        Assert.Equal(["Erste Warnung.", "Zweite Warnung."], page.QuerySelectorAll("#import-warnings li").Select(li => li.TextContent));

        var top = page.QuerySelectorAll("#group-tree > ul > li");
        Assert.Equal(["ISMS", "SYS"], top.Select(li => li.GetAttribute("data-group-id")));
        Assert.Equal(["2", "3"], top.Select(li => li.GetAttribute("data-count")));
        Assert.Equal(["0", "1"], top.Select(li => li.GetAttribute("data-withdrawn")));
        Assert.Equal(["ISMS.1"], top[0].QuerySelectorAll("li").Select(li => li.GetAttribute("data-group-id")));
        var modules = top[1].QuerySelectorAll("li");
        Assert.Equal(["SYS.1.1", "SYS.2.1"], modules.Select(li => li.GetAttribute("data-group-id")));
        Assert.Equal(["3", "0"], modules.Select(li => li.GetAttribute("data-count")));
        Assert.Contains("3 Anforderungen, davon 1 entfallen", modules[0].QuerySelector(".count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Catalog/Versions/{built.VersionId}/Groups/SYS.1.1", modules[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(5, page.QuerySelectorAll("#group-tree li").Length);
    }

    /// <summary>
    /// A version imported before the warnings were kept as messages stores them as plain German strings: the page still
    /// shows them, in the English UI as they are (German), next to English headings.
    /// </summary>
    [Fact]
    public async Task Version_WarningsStoredAsPlainStrings_ShownAsTheyAreInEveryLanguage()
    {
        var built = await new CatalogBuilder("Altkatalog")
            .Warning("Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.")
            .Warning("Der Baustein X.1 hat keinen Abschnitt „Anforderungen“.")
            .Group("G", "Gruppe")
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var english = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}?culture=en");
        var german = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}");

        string[] expected =
        [
            "Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.",
            "Der Baustein X.1 hat keinen Abschnitt „Anforderungen“.",
        ];
        Assert.Equal(expected, english.QuerySelectorAll("#import-warnings li").Select(li => li.TextContent));
        Assert.Equal(expected, german.QuerySelectorAll("#import-warnings li").Select(li => li.TextContent));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Version_NoWarnings_SaysSo()
    {
        var built = await new CatalogBuilder("Ohne Warnungen").Group("G", "Gruppe").SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{built.VersionId}");

        Assert.NotNull(page.QuerySelector("#no-import-warnings"));
        Assert.Null(page.QuerySelector("#import-warnings"));
    }

    [Fact]
    public async Task Version_Unknown_Returns404()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/Catalog/Versions/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Group_Module_ShowsDetailsAndRequirementsWithNestingAndWithdrawnBadge()
    {
        var built = await new CatalogBuilder("Gruppenkatalog")
            .Group("OPS", "Betrieb")
            .Group("OPS.1.1.2", "Ordnungsgemäße IT-Administration", "OPS", configure: g =>
            {
                g.Description = "Beschreibungstext des Bausteins.";
                g.ResponsibleRole = "IT-Betrieb";
                g.FurtherRoles = "Institutionsleitung | Personalabteilung";
                g.ProcessingOrder = "R1";
                g.TargetObjectType = "IT-System";
            })
            .Requirement("OPS.1.1.2.A1", "ENTFALLEN", "OPS.1.1.2", r => r.Withdrawn = true)
            .Requirement("OPS.1.1.2.A2", "Vertretungsregelungen", "OPS.1.1.2", r => r.Level = RequirementLevel.Standard)
            .Requirement("OPS.1.1.2.A2.1", "Teilanforderung", "OPS.1.1.2", r =>
            {
                r.ParentRequirementId = "OPS.1.1.2.A2";
                r.Level = RequirementLevel.Hoch;
                r.ModalVerb = "SOLLTE";
            })
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var page = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Groups/OPS.1.1.2");

        Assert.Equal("OPS.1.1.2 Ordnungsgemäße IT-Administration", page.QuerySelector("#group-title")!.TextContent);
        Assert.Equal("IT-Betrieb", page.QuerySelector("#responsible-role")!.TextContent);
        Assert.Equal(["Institutionsleitung", "Personalabteilung"], page.QuerySelectorAll("#further-roles li").Select(li => li.TextContent));
        Assert.Equal("R1", page.QuerySelector("#processing-order")!.TextContent);
        Assert.Equal("IT-System", page.QuerySelector("#target-object-type")!.TextContent);
        Assert.Equal("Beschreibungstext des Bausteins.", page.QuerySelector("#group-description")!.TextContent);
        Assert.Equal(["Kataloge", "Gruppenkatalog 1.0", "OPS Betrieb", "OPS.1.1.2 Ordnungsgemäße IT-Administration"],
            page.QuerySelectorAll("#breadcrumb li").Select(li => li.TextContent.Trim()));

        var rows = page.QuerySelectorAll("#requirements tbody tr");
        Assert.Equal(["OPS.1.1.2.A1", "OPS.1.1.2.A2", "OPS.1.1.2.A2.1"], rows.Select(r => r.GetAttribute("data-requirement-id")));
        Assert.Equal(["0", "0", "1"], rows.Select(r => r.GetAttribute("data-depth")));
        Assert.Equal("entfallen", rows[0].QuerySelector(".status .badge")!.TextContent);
        Assert.Null(rows[1].QuerySelector(".status .badge"));
        Assert.Equal("Standard (S)", rows[1].QuerySelector(".level")!.TextContent);
        Assert.Equal("erhöhter Schutzbedarf (H)", rows[2].QuerySelector(".level")!.TextContent);
        Assert.Equal("SOLLTE", rows[2].QuerySelector(".modal-verb")!.TextContent);
        Assert.Contains("Unteranforderung von OPS.1.1.2.A2", rows[2].QuerySelector(".req-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Catalog/Versions/{built.VersionId}/Requirements/OPS.1.1.2.A2.1", rows[2].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Group_Practice_ListsTopicsWithCounts()
    {
        var built = await new CatalogBuilder("Praktikkatalog", CatalogFramework.GrundschutzPlusPlus)
            .Group("ASST", "Informationen und Assets")
            .Group("ASST.1", "Grundlagen", "ASST")
            .Group("ASST.2", "Inventar", "ASST")
            .Requirement("ASST.1.1", "Eins", "ASST.1")
            .Requirement("ASST.2.1", "Zwei", "ASST.2")
            .Requirement("ASST.2.1.1", "Zwei-Eins", "ASST.2", r => r.ParentRequirementId = "ASST.2.1")
            .SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{built.VersionId}/Groups/ASST");

        var rows = page.QuerySelectorAll("#sub-groups tbody tr");
        Assert.Equal(["ASST.1", "ASST.2"], rows.Select(r => r.GetAttribute("data-group-id")));
        Assert.Equal(["1", "2"], rows.Select(r => r.QuerySelector("td.num")!.GetAttribute("data-count")));
        Assert.Equal("Praktik", page.QuerySelector("#group-metadata dd")!.TextContent);
        Assert.Null(page.QuerySelector("#requirements"));
    }

    [Theory]
    [InlineData("UNBEKANNT")]
    [InlineData("G.1.A1")]
    public async Task Group_UnknownId_Returns404(string groupId)
    {
        var built = await new CatalogBuilder("404-Gruppen").Group("G", "Gruppe").Group("G.1", "Baustein", "G")
            .Requirement("G.1.A1", "Eine Anforderung", "G.1")
            .SaveAsync(_factory.Services);

        var response = await _factory.CreateBrowserClient().GetAsync($"/Catalog/Versions/{built.VersionId}/Groups/{groupId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Group_UnknownVersion_Returns404()
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/Catalog/Versions/987654/Groups/SYS.1.1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
