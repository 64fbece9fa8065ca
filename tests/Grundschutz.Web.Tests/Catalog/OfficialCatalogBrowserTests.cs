using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Catalog;

/// <summary>
/// The browser on the official catalogues (../shared/catalogs), imported through the real import service.
/// Skipped with a reason when the files are absent (failing under CI=true).
/// </summary>
public sealed class OfficialCatalogBrowserTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public OfficialCatalogBrowserTests(GrundschutzWebFactory factory) => _factory = factory;

    /// <summary>Imports the file (a no-op when it is already imported) and returns its version id.</summary>
    private async Task<int> ImportAsync(string path)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync([CatalogImportFile.FromPath(path)], "test", CancellationToken.None);
        return Assert.Single(results).CatalogVersionId;
    }

    [SkippableFact]
    public async Task Kompendium_Tree_ShowsTenLayersAndAllModules()
    {
        var versionId = await ImportAsync(SharedFiles.Kompendium2023);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{versionId}");

        var layers = page.QuerySelectorAll("#group-tree > ul > li");
        Assert.Equal(["ISMS", "ORP", "CON", "OPS", "DER", "APP", "SYS", "IND", "NET", "INF"], layers.Select(l => l.GetAttribute("data-group-id")));
        Assert.Equal(111, page.QuerySelectorAll("#group-tree > ul > li li").Length);
        Assert.Equal([1, 5, 9, 14, 7, 20, 25, 7, 11, 12], layers.Select(l => l.QuerySelectorAll("li").Length));
        Assert.Equal(2125, layers.Sum(l => int.Parse(l.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(290, layers.Sum(l => int.Parse(l.GetAttribute("data-withdrawn")!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [SkippableFact]
    public async Task Kompendium_SearchDatensicherungBasis_ReturnsOnlyBasisAndIncludesCon3A1()
    {
        var path = SharedFiles.Kompendium2023;
        var versionId = await ImportAsync(path);
        var client = _factory.CreateBrowserClient();

        // All pages of the result.
        var ids = new List<string>();
        var levels = new List<string>();
        var url = $"/Catalog/Search?version={versionId}&q=Datensicherung&level=B";
        var first = await Html.GetDocumentAsync(client, url);
        var page = first;
        while (true)
        {
            foreach (var li in page.QuerySelectorAll("#search-results > li"))
            {
                ids.Add(li.GetAttribute("data-requirement-id")!);
                levels.Add(li.QuerySelector(".result-level")!.TextContent);
            }

            var next = page.QuerySelector("#pager-next")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }

            page = await Html.GetDocumentAsync(client, next);
        }

        Assert.Contains("CON.3.A1", ids);
        Assert.All(levels, l => Assert.Contains("Basis (B)", l, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // The same set, computed independently from the stored rows.
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var rows = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == versionId)
            .Select(r => new { r.RequirementId, r.Level, r.Withdrawn, r.SearchText })
            .ToListAsync();
        var expected = rows
            .Where(r => r.Level == RequirementLevel.Basis && !r.Withdrawn && r.SearchText.Contains("datensicherung", StringComparison.Ordinal))
            .Select(r => r.RequirementId)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
        Assert.Equal($"{ids.Count} Treffer", first.QuerySelector("#result-count")!.TextContent);

        // And the XML agrees on CON.3.A1 being a Basis requirement.
        var xml = await File.ReadAllTextAsync(path);
        var heading = xml.IndexOf("CON.3.A1 Erhebung der Einflussfaktoren", StringComparison.Ordinal);
        Assert.True(heading > 0);
        Assert.Contains("(B)", xml.Substring(heading, 120), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Kompendium_RequirementPage_ShowsLevelRolesAndBreadcrumb()
    {
        var versionId = await ImportAsync(SharedFiles.Kompendium2023);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{versionId}/Requirements/CON.3.A1");

        Assert.StartsWith("CON.3.A1 Erhebung der Einflussfaktoren", page.QuerySelector("#requirement-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("B", page.QuerySelector("#requirement-level")!.GetAttribute("data-level"));
        Assert.Equal(["Fachverantwortliche", "IT-Betrieb"], page.QuerySelectorAll("#roles li").Select(li => li.TextContent));
        var crumbs = page.QuerySelectorAll("#breadcrumb li").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith("CON ", crumbs[2], StringComparison.Ordinal);
        Assert.StartsWith("CON.3 ", crumbs[3], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#statement")!.TextContent));
    }

    [SkippableFact]
    public async Task Kompendium_WithdrawnRequirement_ShowsMarker()
    {
        var versionId = await ImportAsync(SharedFiles.Kompendium2023);

        var page = await Html.GetDocumentAsync(_factory.CreateBrowserClient(), $"/Catalog/Versions/{versionId}/Requirements/CON.3.A3");

        Assert.NotNull(page.QuerySelector("#withdrawn-marker"));
    }

    [SkippableFact]
    public async Task Kernel_PracticeAsst_HasSevenTopics()
    {
        var versionId = await ImportAsync(SharedFiles.GsPlusPlus("BSI-Stand-der-Technik-Kernel-catalog.json"));
        var client = _factory.CreateBrowserClient();

        var tree = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}");
        var group = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}/Groups/ASST");

        Assert.Equal(14, tree.QuerySelectorAll("#group-tree > ul > li").Length);
        Assert.Equal(7, tree.QuerySelectorAll("#group-tree > ul > li[data-group-id='ASST'] li").Length);
        Assert.Equal("58", tree.QuerySelector("#group-tree > ul > li[data-group-id='ASST']")!.GetAttribute("data-count"));
        Assert.Equal(
            ["ASST.1", "ASST.2", "ASST.3", "ASST.4", "ASST.5", "ASST.6", "ASST.7"],
            group.QuerySelectorAll("#sub-groups tbody tr").Select(tr => tr.GetAttribute("data-group-id")));
    }

    [SkippableFact]
    public async Task Kernel_RequiredLink_AppearsOnBothRequirementPages()
    {
        var versionId = await ImportAsync(SharedFiles.GsPlusPlus("BSI-Stand-der-Technik-Kernel-catalog.json"));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var link = await db.RequirementLinks.AsNoTracking()
            .Where(l => l.CatalogVersionId == versionId && l.Rel == RequirementLink.Required)
            .OrderBy(l => l.Id)
            .FirstAsync();
        var client = _factory.CreateBrowserClient();

        var from = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}/Requirements/{link.FromRequirementId}");
        var to = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}/Requirements/{link.ToRequirementId}");

        Assert.Contains(link.ToRequirementId, from.QuerySelectorAll("#depends-on [data-requirement-id]").Select(e => e.GetAttribute("data-requirement-id")));
        Assert.Contains(link.FromRequirementId, to.QuerySelectorAll("#required-by [data-requirement-id]").Select(e => e.GetAttribute("data-requirement-id")));
        Assert.NotNull(from.QuerySelector("#sec-level"));
        Assert.NotNull(from.QuerySelector("#effort-level"));
    }

    [SkippableFact]
    public async Task Kernel_SearchWithSecLevelAndTag_ReturnsOnlyMatchingControls()
    {
        var versionId = await ImportAsync(SharedFiles.GsPlusPlus("BSI-Stand-der-Technik-Kernel-catalog.json"));
        var client = _factory.CreateBrowserClient();

        var start = await Html.GetDocumentAsync(client, $"/Catalog/Search?version={versionId}");
        var tag = start.QuerySelectorAll("#filter-tag option").Select(o => o.GetAttribute("value")).First(v => v == "Lieferketten");
        var page = await Html.GetDocumentAsync(client, $"/Catalog/Search?version={versionId}&secLevel=normal-SdT&tag={Uri.EscapeDataString(tag!)}");

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var expected = await db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == versionId && r.SecLevel == "normal-SdT" && r.Tags.Contains("|Lieferketten|") && !r.Withdrawn)
            .CountAsync();
        Assert.True(expected > 0);
        Assert.Equal($"{expected} Treffer", page.QuerySelector("#result-count")!.TextContent);
        Assert.All(page.QuerySelectorAll("#search-results .result-sec-level"), e => Assert.Contains("normal-SdT", e.TextContent, StringComparison.Ordinal));
    }
}
