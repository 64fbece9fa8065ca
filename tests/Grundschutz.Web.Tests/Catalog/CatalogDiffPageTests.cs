using System.Net;

using AngleSharp.Dom;

using Grundschutz.Domain.Catalog;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Catalog;

public sealed class CatalogDiffPageTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public CatalogDiffPageTests(GrundschutzWebFactory factory) => _factory = factory;

    private static List<string?> RowIds(IDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody tr").Select(tr => tr.GetAttribute("data-requirement-id")).ToList();

    private static CatalogBuilder Base(string version) =>
        new CatalogBuilder("Vergleichskatalog").Version(version).Group("CON", "Konzepte").Group("CON.3", "Datensicherung", "CON");

    [Fact]
    public async Task Diff_TwoVersions_ListsAddedRemovedAndChangedExactly()
    {
        var v1 = await Base("2022")
            .Requirement("CON.3.A1", "Einflussfaktoren", "CON.3")
            .Requirement("CON.3.A2", "Wird gestrichen", "CON.3")
            .Requirement("CON.3.A3", "Stufenwechsel", "CON.3", r => r.Level = RequirementLevel.Standard)
            .Requirement("CON.3.A4", "Unverändert", "CON.3")
            .Requirement("CON.3.A5", "Regelmäßige Datensicherung", "CON.3", r => r.Statement = "Alter Text.")
            .Requirement("CON.3.A6", "Wird entfallen", "CON.3")
            .SaveAsync(_factory.Services);
        var v2 = await Base("2023").OfCatalog(v1.CatalogId)
            .Requirement("CON.3.A1", "Einflussfaktoren", "CON.3")
            .Requirement("CON.3.A3", "Stufenwechsel", "CON.3", r => r.Level = RequirementLevel.Hoch)
            .Requirement("CON.3.A4", "Unverändert", "CON.3")
            .Requirement("CON.3.A5", "Regelmäßige Datensicherung", "CON.3", r => r.Statement = "Neuer Text.")
            .Requirement("CON.3.A6", "ENTFALLEN", "CON.3", r => r.Withdrawn = true)
            .Requirement("CON.3.A7", "Ganz neu", "CON.3")
            .SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Diff?from={v1.VersionId}&to={v2.VersionId}");

        Assert.Equal(["CON.3.A7"], RowIds(page, "added"));
        Assert.Equal(["CON.3.A2"], RowIds(page, "removed"));
        Assert.Equal(["CON.3.A3", "CON.3.A5", "CON.3.A6"], RowIds(page, "changed"));
        Assert.Equal("1", page.QuerySelector("#added-count")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#removed-count")!.TextContent);
        Assert.Equal("3", page.QuerySelector("#changed-count")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#unchanged-count")!.TextContent);
        Assert.Equal("Neue Anforderungen (1)", page.QuerySelector("#added-heading")!.TextContent);
        Assert.Equal(
            ["Level", "Statement", "Title,Withdrawn"],
            page.QuerySelectorAll("#changed tbody tr").Select(tr => tr.GetAttribute("data-fields")));
        var level = page.QuerySelector("#changed tr[data-requirement-id='CON.3.A3'] li[data-field='Level']")!;
        Assert.Equal("Standard (S)", level.QuerySelector(".diff-old")!.TextContent);
        Assert.Equal("erhöhter Schutzbedarf (H)", level.QuerySelector(".diff-new")!.TextContent);
        var withdrawn = page.QuerySelector("#changed tr[data-requirement-id='CON.3.A6'] li[data-field='Withdrawn']")!;
        Assert.Equal("gültig", withdrawn.QuerySelector(".diff-old")!.TextContent);
        Assert.Equal("entfallen", withdrawn.QuerySelector(".diff-new")!.TextContent);
        Assert.Equal($"/Catalog/Versions/{v1.VersionId}/Requirements/CON.3.A2", page.QuerySelector("#removed a")!.GetAttribute("href"));
        Assert.Equal($"/Catalog/Versions/{v2.VersionId}/Requirements/CON.3.A7", page.QuerySelector("#added a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Diff_SameVersion_HasNoChanges()
    {
        var v1 = await Base("1").Requirement("CON.3.A1", "Eins", "CON.3").SaveAsync(_factory.Services);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Diff?from={v1.VersionId}&to={v1.VersionId}");

        Assert.NotNull(page.QuerySelector("#added-none"));
        Assert.NotNull(page.QuerySelector("#removed-none"));
        Assert.NotNull(page.QuerySelector("#changed-none"));
        Assert.Equal("1", page.QuerySelector("#unchanged-count")!.TextContent);
    }

    [Fact]
    public async Task Diff_DifferentCatalogues_IsRefusedWithMessage()
    {
        var a = await new CatalogBuilder("Katalog Eins").Group("G", "G").SaveAsync(_factory.Services);
        var b = await new CatalogBuilder("Katalog Zwei").Group("G", "G").SaveAsync(_factory.Services);

        var response = await _factory.CreateBrowserClient().GetAsync($"/Catalog/Diff?from={a.VersionId}&to={b.VersionId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelector("#diff-error")!;
        Assert.Contains("verschiedenen Katalogen", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("Katalog Eins", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("Katalog Zwei", error.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#added"));
        Assert.Null(page.QuerySelector("#diff-summary"));
    }

    [Fact]
    public async Task Diff_UnknownVersion_Returns404()
    {
        var a = await new CatalogBuilder("Katalog Drei").Group("G", "G").SaveAsync(_factory.Services);

        var response = await _factory.CreateBrowserClient().GetAsync($"/Catalog/Diff?from={a.VersionId}&to=987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Diff_WithoutVersions_AsksForAChoice()
    {
        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), "/Catalog/Diff");

        Assert.Contains("zwei Versionen", page.QuerySelector("#diff-error")!.TextContent, StringComparison.Ordinal);
    }
}
