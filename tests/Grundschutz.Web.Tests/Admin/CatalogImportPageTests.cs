using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Admin;

public sealed class CatalogImportPageTests
{
    /// <summary>Posts the upload form as a browser would: its hidden fields (anti-forgery token) plus the files.</summary>
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files) =>
        UploadInAsync(client, "", files);

    /// <summary><see cref="UploadAsync"/> with a query string, e.g. <c>?culture=en</c>.</summary>
    private static async Task<HttpResponseMessage> UploadInAsync(HttpClient client, string query, params (string Name, byte[] Content)[] files)
    {
        var page = await Html.GetDocumentAsync(client, "/Admin/Catalogs/Import" + query);
        var form = (IHtmlFormElement)page.QuerySelector("#import-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(file, "Files", name);
        }

        return await client.PostAsync("/Admin/Catalogs/Import" + query, content);
    }

    private static string ErrorOf(AngleSharp.Dom.IDocument page) =>
        Assert.Single(page.QuerySelectorAll("#error-summary li")).TextContent.Trim();

    private static async Task<int> CountVersionsAsync(GrundschutzWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().CatalogVersions.CountAsync();
    }

    [Fact]
    public async Task Upload_DemoCatalog_RedirectsAndShowsResultTable()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var bytes = await File.ReadAllBytesAsync(SharedFiles.InRepository("catalog/demo-katalog.json"));

        var response = await UploadAsync(client, ("demo-katalog.json", bytes));
        var result = await Html.FollowRedirectAsync(client, response);

        var rows = result.QuerySelectorAll("#import-results tbody tr");
        var cells = Assert.Single(rows).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("demo-katalog.json", cells[0]);
        Assert.Equal("Demo-Katalog Kommunale Basissicherheit", cells[1]);
        Assert.Equal("Deutsch (de)", cells[3]);
        Assert.Equal("15", cells[5]);
        Assert.Equal("importiert", cells[7]);
        Assert.Equal(1, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Upload_BrokenJson_ShowsErrorSummaryAndSavesNothing()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var demo = await File.ReadAllBytesAsync(SharedFiles.InRepository("catalog/demo-katalog.json"));

        var response = await UploadAsync(client, ("demo-katalog.json", demo), ("kaputt.json", Encoding.UTF8.GetBytes("{\"catalog\": [")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("kaputt.json", summary, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts gespeichert.", summary, StringComparison.Ordinal);
        Assert.Equal(0, await CountVersionsAsync(factory));
    }

    /// <summary>
    /// A rejected catalogue in the English UI: the message is translated part by part (location, reason, „nothing
    /// saved“); the file name and the JSON path stay as they are. The German UI shows the German text unchanged.
    /// </summary>
    [Theory]
    [InlineData("kaputt.json", "{\"catalog\": [",
        "kaputt.json (line 1, position 14): The file is not valid JSON. Nothing was saved.",
        "kaputt.json (Zeile 1, Position 14): Die Datei ist kein gültiges JSON. Es wurde nichts gespeichert.")]
    [InlineData("teile.json", "{\"catalog\": {\"metadata\": {\"title\": \"T\"}, \"groups\": [{\"id\": \"G1\", \"controls\": [{\"id\": \"C1\", \"parts\": \"keine\"}]}]}}",
        "teile.json (control C1): “parts” must be a list. Nothing was saved.",
        "teile.json (Control C1): „parts“ muss eine Liste sein. Es wurde nichts gespeichert.")]
    [InlineData("profil.json", "{\"profile\": {\"metadata\": {\"title\": \"P\"}, \"imports\": [{\"href\": \"gibt-es-nicht.json\", \"include-all\": {}}]}}",
        "profil.json (gibt-es-nicht.json): The profile imports the catalogue “gibt-es-nicht.json”, which has not been imported. Import it first or in the same upload. Nothing was saved.",
        "profil.json (gibt-es-nicht.json): Das Profil importiert den Katalog „gibt-es-nicht.json“, der nicht importiert ist. Importieren Sie ihn zuerst oder im selben Aufruf. Es wurde nichts gespeichert.")]
    public async Task Upload_BrokenCatalogue_ShowsTheMessageInTheReadersLanguage(string name, string content, string english, string german)
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var bytes = Encoding.UTF8.GetBytes(content);

        var inEnglish = await UploadInAsync(client, "?culture=en", (name, bytes));
        var inGerman = await UploadInAsync(client, "", (name, bytes));

        Assert.Equal(HttpStatusCode.OK, inEnglish.StatusCode);
        Assert.Equal(english, ErrorOf(await Html.ParseAsync(inEnglish)));
        Assert.Equal(german, ErrorOf(await Html.ParseAsync(inGerman)));
        Assert.Equal(0, await CountVersionsAsync(factory));
    }

    private static readonly byte[] CatalogueWithWarnings = Grundschutz.TestSupport.CatalogueWithWarnings.Bytes("b0000000-0000-4000-8000-000000000002");

    private static readonly string[] GermanWarnings = Grundschutz.TestSupport.CatalogueWithWarnings.GermanWarnings;

    private static readonly string[] EnglishWarnings =
    [
        "The file does not state an OSCAL version (metadata.oscal-version); it was read as OSCAL 1.1.",
        "2 links point to requirements that are not in the catalogue, e.g. W.1 → X.9, W.2 → Y.1.",
    ];

    private static List<string> WarningsIn(AngleSharp.Dom.IDocument page) =>
        Assert.Single(page.QuerySelectorAll("#import-results tbody tr")).QuerySelectorAll("td:last-child li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>
    /// The warnings of an import in the reader's language: on the result table (after the import and when the same
    /// file comes again, read from the stored version) and on the version's page. Ids and numbers stay as they are.
    /// </summary>
    [Fact]
    public async Task Upload_CatalogueWithWarnings_ShowsThemInTheReadersLanguage()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var first = await UploadAsync(client, ("warnungen.json", CatalogueWithWarnings));
        var english = await Html.GetDocumentAsync(client, Html.English(first.Headers.Location!.ToString()));
        var again = await UploadInAsync(client, "?culture=en", ("warnungen.json", CatalogueWithWarnings));
        var german = await Html.FollowRedirectAsync(client, again);

        Assert.Equal(EnglishWarnings, WarningsIn(english));
        Assert.Equal(GermanWarnings, WarningsIn(german));
        Assert.Contains("bereits vorhanden", german.QuerySelector("#import-results tbody tr")!.TextContent, StringComparison.Ordinal);
        var versionUrl = english.QuerySelector("#import-results tbody a")!.GetAttribute("href")!;
        var versionInEnglish = await Html.GetDocumentAsync(client, Html.English(versionUrl));
        var versionInGerman = await Html.GetDocumentAsync(client, versionUrl);
        Assert.Equal(EnglishWarnings, versionInEnglish.QuerySelectorAll("#import-warnings li").Select(li => li.TextContent.Trim()));
        Assert.Equal(GermanWarnings, versionInGerman.QuerySelectorAll("#import-warnings li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Upload_OverConfiguredLimit_English_SizeTranslated()
    {
        using var factory = new GrundschutzWebFactory();
        factory.Settings["CatalogImport:MaxFileBytes"] = "1000";
        var client = await factory.CreateAdminClientAsync();
        var demo = await File.ReadAllBytesAsync(SharedFiles.InRepository("catalog/demo-katalog.json"));

        var page = await Html.ParseAsync(await UploadInAsync(client, "?culture=en", ("demo-katalog.json", demo)));

        Assert.Equal("demo-katalog.json: The file is larger than the limit of 1000 bytes. Nothing was saved.", ErrorOf(page));
        Assert.Equal(0, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Upload_OverConfiguredLimit_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        factory.Settings["CatalogImport:MaxFileBytes"] = "1000";
        var client = await factory.CreateAdminClientAsync();
        var demo = await File.ReadAllBytesAsync(SharedFiles.InRepository("catalog/demo-katalog.json"));

        var page = await Html.ParseAsync(await UploadAsync(client, ("demo-katalog.json", demo)));

        Assert.Contains("größer als das Limit von 1000 Bytes", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Upload_NoFile_AsksForOne()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await UploadAsync(client));

        // One message, the app's own (not also ASP.NET's English "The Files field is required."), here and beside the field.
        var summary = page.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()).ToList();
        var message = Assert.Single(summary);
        Assert.Contains("mindestens eine Datei", message, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Files")!.GetAttribute("data-val"));
        Assert.Contains("mindestens eine Datei", page.QuerySelector("#Files")!.GetAttribute("data-val-required"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The results travel from the upload to the page after the redirect in the TempData cookie. Results written by the
    /// previous version of the app (warnings as plain strings) – an import just before an update, the page just after –
    /// must not break the page: the import is saved; the page shows its status and no table.
    /// </summary>
    [Fact]
    public async Task ResultsPage_ResultsInTheOldForm_ShowsThePageWithoutTheTable()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        const string oldForm = """[{"FileName":"alt.json","CatalogVersionId":1,"Title":"Alt","Version":"1","Groups":1,"Requirements":2,"Withdrawn":0,"Warnings":["Die Datei gibt keine OSCAL-Version an."],"AlreadyImported":false,"Kind":"catalog"}]""";
        var cookie = TempDataCookie(factory, new Dictionary<string, object> { ["ImportResults"] = oldForm, ["StatusMessage"] = "Import abgeschlossen." });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Admin/Catalogs/Import");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Import abgeschlossen.", page.QuerySelector("#status-message")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#import-results"));
        Assert.NotNull(page.QuerySelector("#import-form"));
    }

    /// <summary>A TempData cookie as the app's own provider writes it (protected with the app's keys).</summary>
    private static string TempDataCookie(GrundschutzWebFactory factory, IDictionary<string, object> values)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = factory.Services };
        context.Request.Scheme = "https";
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("localhost");
        factory.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider>().SaveTempData(context, values);
        var setCookie = context.Response.Headers.SetCookie.ToString();
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
