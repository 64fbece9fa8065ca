using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// An uploaded OSCAL catalogue is text from outside as well: the payloads of <see cref="XssPayloads"/> as catalogue,
/// group and requirement titles, statement, guidance and documentation, imported through the administration's upload
/// form, stay inert on the import result and on every catalogue page.
/// </summary>
public sealed class XssCatalogImportTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(19)]
    public async Task UploadedCatalogue_PayloadInTitlesAndTexts_IsInertOnEveryCataloguePage(int index)
    {
        var payload = XssPayloads.All[index];
        var json = JsonNode.Parse(await File.ReadAllTextAsync(SharedFiles.InRepository("catalog/demo-katalog.json")))!;
        var catalog = json["catalog"]!;
        catalog["uuid"] = Guid.NewGuid().ToString();
        catalog["metadata"]!["title"] = payload;
        catalog["metadata"]!["version"] = "xss-" + index;
        var group = catalog["groups"]![0]!;
        group["title"] = payload;
        var module = group["groups"]![0]!;
        module["title"] = payload;
        var control = module["controls"]![0]!;
        control["title"] = payload;
        foreach (var part in control["parts"]!.AsArray())
        {
            part!["prose"] = payload;
        }

        var admin = await factory.CreateAdminClientAsync($"xss-catalog-admin-{index}");
        var importPage = await Html.GetDocumentAsync(admin, "/Admin/Catalogs/Import");
        var form = (IHtmlFormElement)importPage.QuerySelector("#import-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json.ToJsonString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "Files", "katalog.json");
        var response = await admin.PostAsync("/Admin/Catalogs/Import", content);
        var result = response.StatusCode == HttpStatusCode.Redirect
            ? await Html.FollowRedirectAsync(admin, response)
            : await Html.ParseAsync(response);
        Inert.AssertInertAndShown(result, payload, "import result");

        int versionId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            versionId = await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().CatalogVersions
                .Where(v => v.Version == "xss-" + index).Select(v => v.Id).SingleAsync();
        }

        var groupId = Uri.EscapeDataString(module["id"]!.GetValue<string>());
        var requirementId = Uri.EscapeDataString(control["id"]!.GetValue<string>());
        foreach (var url in new[]
        {
            "/Catalog",
            $"/Catalog/Versions/{versionId}",
            $"/Catalog/Versions/{versionId}/Groups/{groupId}",
            $"/Catalog/Versions/{versionId}/Requirements/{requirementId}",
        })
        {
            Inert.AssertInertAndShown(await Html.GetDocumentAsync(admin, url), payload, url);
        }

        Inert.AssertNoActiveContent(await Html.GetDocumentAsync(admin, $"/Catalog/Search?q={Uri.EscapeDataString("Verwaltungsleitung")}"), "search results");
    }
}
