using System.Net;

using AngleSharp.Dom;

using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Catalog;

public sealed class RequirementPageTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public RequirementPageTests(GrundschutzWebFactory factory) => _factory = factory;

    private static List<string?> Ids(IDocument page, string container) =>
        page.QuerySelectorAll($"#{container} [data-requirement-id]").Select(e => e.GetAttribute("data-requirement-id")).ToList();

    [Fact]
    public async Task Requirement_Kompendium_ShowsTextsLevelRolesAndBreadcrumb()
    {
        var built = await new CatalogBuilder("Anforderungskatalog")
            .Group("CON", "Konzepte und Vorgehensweisen")
            .Group("CON.3", "Datensicherungskonzept", "CON")
            .Requirement("CON.3.A1", "Erhebung der Einflussfaktoren für Datensicherungen", "CON.3", r =>
            {
                r.Level = RequirementLevel.Standard;
                r.ModalVerb = "MUSS";
                r.Roles = MultiValue.Encode(["Fachverantwortliche", "IT-Betrieb"]);
                r.Statement = "Der IT-Betrieb MUSS die Einflussfaktoren erheben.\nZweiter Absatz.";
                r.Guidance = "Hinweise zur Umsetzung.";
                r.PropsJson = """[{"name":"level","value":"S"},{"name":"role","value":"IT-Betrieb","ns":"https://example.org/ns"}]""";
            })
            .SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{built.VersionId}/Requirements/CON.3.A1");

        Assert.Equal("CON.3.A1 Erhebung der Einflussfaktoren für Datensicherungen", page.QuerySelector("#requirement-title")!.TextContent);
        Assert.Equal("Der IT-Betrieb MUSS die Einflussfaktoren erheben.\nZweiter Absatz.", page.QuerySelector("#statement")!.TextContent);
        Assert.Equal("Hinweise zur Umsetzung.", page.QuerySelector("#guidance")!.TextContent);
        Assert.Equal("Standard (S)", page.QuerySelector("#requirement-level")!.TextContent);
        Assert.Equal("MUSS", page.QuerySelector("#modal-verb")!.TextContent);
        Assert.Equal(["Fachverantwortliche", "IT-Betrieb"], page.QuerySelectorAll("#roles li").Select(li => li.TextContent));
        Assert.Null(page.QuerySelector("#sec-level"));
        Assert.Null(page.QuerySelector("#withdrawn-marker"));
        Assert.Equal("gültig", page.QuerySelector("#requirement-status")!.TextContent);
        Assert.Equal(
            ["Kataloge", "Anforderungskatalog 1.0", "CON Konzepte und Vorgehensweisen", "CON.3 Datensicherungskonzept", "CON.3.A1"],
            page.QuerySelectorAll("#breadcrumb li").Select(li => li.TextContent.Trim()));
        Assert.Equal("page", page.QuerySelector("#breadcrumb li:last-child")!.GetAttribute("aria-current"));
        var props = page.QuerySelectorAll("#raw-props-table tbody tr").Select(tr => tr.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["level", "S", "", ""], props[0]);
        Assert.Equal(["role", "IT-Betrieb", "https://example.org/ns", ""], props[1]);
    }

    [Fact]
    public async Task Requirement_WithoutOwnRoles_ShowsTheModulesResponsibleRole()
    {
        var built = await new CatalogBuilder("Rollenkatalog")
            .Group("SYS", "IT-Systeme")
            .Group("SYS.2.1", "Allgemeiner Client", "SYS", configure: g => g.ResponsibleRole = "IT-Betrieb")
            .Requirement("SYS.2.1.A1", "Sichere Authentisierung", "SYS.2.1")
            .Requirement("SYS.2.1.A2", "Eigene Rolle", "SYS.2.1", r => r.Roles = MultiValue.Encode(["Benutzende"]))
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var inherited = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Requirements/SYS.2.1.A1");
        var own = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Requirements/SYS.2.1.A2");

        Assert.StartsWith("IT-Betrieb (grundsätzlich zuständig laut Baustein)", inherited.QuerySelector("#module-responsible-role")!.TextContent, StringComparison.Ordinal);
        Assert.Null(inherited.QuerySelector("#roles"));
        Assert.Equal(["Benutzende"], own.QuerySelectorAll("#roles li").Select(li => li.TextContent));
        Assert.Null(own.QuerySelector("#module-responsible-role"));
    }

    [Fact]
    public async Task Requirement_GrundschutzPlusPlus_ShowsSecLevelEffortAndStatementProps()
    {
        var built = await new CatalogBuilder("GS++-Katalog", CatalogFramework.GrundschutzPlusPlus)
            .Group("ASST", "Informationen und Assets").Group("ASST.3", "Datenlokationen", "ASST")
            .Requirement("ASST.3.10", "Autorisierung von Datenlokationen", "ASST.3", r =>
            {
                r.SecLevel = "erhöht";
                r.EffortLevel = 3;
                r.ModalVerb = "KANN";
                r.ActionWord = "autorisieren";
                r.Result = "Datenlokationen";
                r.Documentation = "Arbeitsanweisung";
                r.TargetObjectCategories = MultiValue.Encode(["Daten", "Anwendungen"]);
                r.Tags = MultiValue.Encode(["Lieferketten", "Shadow IT"]);
                r.AltIdentifier = "52eee4a3-f5cf-444d-ad0c-9c83c693481b";
            })
            .SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{built.VersionId}/Requirements/ASST.3.10");

        Assert.Equal("erhöht (Erhöhte Sicherheitsstufe)", page.QuerySelector("#sec-level")!.TextContent);
        Assert.Equal("3", page.QuerySelector("#effort-level")!.GetAttribute("data-effort"));
        Assert.StartsWith("3 – ", page.QuerySelector("#effort-level")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("KANN", page.QuerySelector("#modal-verb")!.TextContent);
        Assert.Equal("autorisieren", page.QuerySelector("#action-word")!.TextContent);
        Assert.Equal("Datenlokationen", page.QuerySelector("#result")!.TextContent);
        Assert.Equal("Arbeitsanweisung", page.QuerySelector("#documentation")!.TextContent);
        Assert.Equal(["Daten", "Anwendungen"], page.QuerySelectorAll("#target-object-categories li").Select(li => li.TextContent));
        Assert.Equal(["Lieferketten", "Shadow IT"], page.QuerySelectorAll("#tags li").Select(li => li.TextContent));
        Assert.Equal("52eee4a3-f5cf-444d-ad0c-9c83c693481b", page.QuerySelector("#alt-identifier")!.TextContent);
        Assert.Null(page.QuerySelector("#requirement-level"));
        Assert.Null(page.QuerySelector("#guidance"));
    }

    [Fact]
    public async Task Requirement_RequiredLink_IsListedInBothDirections()
    {
        var built = await new CatalogBuilder("Abhängigkeiten", CatalogFramework.GrundschutzPlusPlus)
            .Group("P", "Praktik").Group("P.1", "Thema", "P")
            .Requirement("P.1.1", "A", "P.1")
            .Requirement("P.1.2", "B", "P.1")
            .Requirement("P.1.3", "C", "P.1")
            .Requirement("P.1.4", "D", "P.1")
            .Link("P.1.1", "P.1.2")
            .Link("P.1.1", "P.1.3", RequirementLink.Related)
            .Link("P.1.4", "P.1.1", RequirementLink.Related)
            .Link("P.1.4", "P.1.2")
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var a = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Requirements/P.1.1");
        var b = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Requirements/P.1.2");

        Assert.Equal(["P.1.2"], Ids(a, "depends-on"));
        Assert.Empty(Ids(a, "required-by"));
        Assert.Equal(["P.1.3", "P.1.4"], Ids(a, "related"));
        Assert.Empty(Ids(b, "depends-on"));
        Assert.Equal(["P.1.1", "P.1.4"], Ids(b, "required-by"));
        Assert.Empty(Ids(b, "related"));
        Assert.Equal($"/Catalog/Versions/{built.VersionId}/Requirements/P.1.1", b.QuerySelector("#required-by a")!.GetAttribute("href"));
        Assert.Contains("A", b.QuerySelector("#required-by li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Setzt voraus", a.QuerySelector("#depends-on-heading")!.TextContent);
        Assert.Equal("Wird vorausgesetzt von", a.QuerySelector("#required-by-heading")!.TextContent);
    }

    [Fact]
    public async Task Requirement_LinkToIdNotInVersion_IsShownWithoutLink()
    {
        var built = await new CatalogBuilder("Verwaiste Links", CatalogFramework.GrundschutzPlusPlus)
            .Group("P", "Praktik").Group("P.1", "Thema", "P")
            .Requirement("P.1.1", "A", "P.1")
            .Link("P.1.1", "X.9.9")
            .SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{built.VersionId}/Requirements/P.1.1");

        Assert.Equal(["X.9.9"], Ids(page, "depends-on"));
        Assert.Null(page.QuerySelector("#depends-on a"));
    }

    [Fact]
    public async Task Requirement_NestedControl_ShowsParentAndChildren()
    {
        var built = await new CatalogBuilder("Verschachtelt", CatalogFramework.GrundschutzPlusPlus)
            .Group("P", "Praktik").Group("P.1", "Thema", "P")
            .Requirement("P.1.1", "Eltern", "P.1")
            .Requirement("P.1.1.1", "Kind eins", "P.1", r => r.ParentRequirementId = "P.1.1")
            .Requirement("P.1.1.2", "Kind zwei", "P.1", r => r.ParentRequirementId = "P.1.1")
            .SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        var parent = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Requirements/P.1.1");
        var child = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{built.VersionId}/Requirements/P.1.1.2");

        Assert.Equal(["P.1.1.1", "P.1.1.2"], Ids(parent, "child-requirements"));
        Assert.Null(parent.QuerySelector("#parent-requirement"));
        Assert.Equal("P.1.1", child.QuerySelector("#parent-requirement")!.GetAttribute("data-requirement-id"));
        Assert.Null(child.QuerySelector("#child-requirements"));
    }

    [Fact]
    public async Task Requirement_Withdrawn_ShowsMarker()
    {
        var built = await new CatalogBuilder("Entfallen")
            .Group("SYS", "IT-Systeme").Group("SYS.1.1", "Server", "SYS")
            .Requirement("SYS.1.1.A4", "ENTFALLEN", "SYS.1.1", r =>
            {
                r.Withdrawn = true;
                r.ModalVerb = null;
                r.Statement = "Diese Anforderung ist entfallen.";
            })
            .SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{built.VersionId}/Requirements/SYS.1.1.A4");

        var marker = page.QuerySelector("#withdrawn-marker");
        Assert.NotNull(marker);
        Assert.Contains("entfallen", marker.TextContent, StringComparison.Ordinal);
        Assert.Equal("entfallen", page.QuerySelector("#requirement-status")!.TextContent);
    }

    [Fact]
    public async Task Requirement_UnknownOrFromOtherVersion_Returns404()
    {
        var one = await new CatalogBuilder("Version A").Group("G", "G").Group("G.1", "G1", "G").Requirement("G.1.A1", "Nur in A", "G.1").SaveAsync(_factory.Services);
        var two = await new CatalogBuilder("Version B").Group("G", "G").Group("G.1", "G1", "G").Requirement("G.1.A2", "Nur in B", "G.1").SaveAsync(_factory.Services);
        var client = _factory.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Catalog/Versions/{one.VersionId}/Requirements/G.1.A1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Catalog/Versions/{two.VersionId}/Requirements/G.1.A1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Catalog/Versions/{one.VersionId}/Requirements/G.1.A99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Catalog/Versions/987654/Requirements/G.1.A1")).StatusCode);
    }
}
