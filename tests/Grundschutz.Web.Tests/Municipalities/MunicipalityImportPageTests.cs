using System.Net;
using System.Text;

using AngleSharp.Html.Dom;

using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Municipalities;

public sealed class MunicipalityImportPageTests
{
    private static Dictionary<string, string> Counts(IHtmlDocument page) => new()
    {
        ["total"] = page.QuerySelector("#count-total")!.TextContent.Trim(),
        ["added"] = page.QuerySelector("#count-added")!.TextContent.Trim(),
        ["updated"] = page.QuerySelector("#count-updated")!.TextContent.Trim(),
        ["unchanged"] = page.QuerySelector("#count-unchanged")!.TextContent.Trim(),
        ["skipped"] = page.QuerySelector("#count-skipped")!.TextContent.Trim(),
    };

    [Fact]
    public async Task Upload_Fixture_ShowsCountsAndAReimportAddsNothing()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var bytes = await File.ReadAllBytesAsync(MunicipalityTestData.FixturePath);

        var first = await Html.FollowRedirectAsync(client, await MunicipalityTestData.UploadAsync(client, "gv100ad-mini.txt", bytes));

        Assert.Equal(new Dictionary<string, string> { ["total"] = "5", ["added"] = "5", ["updated"] = "0", ["unchanged"] = "0", ["skipped"] = "2" }, Counts(first));
        Assert.Contains("gv100ad-mini.txt, Gebietsstand 30.11.2025", first.QuerySelector("#import-result caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gebietsstand 30.11.2025; dl-de/by-2-0", first.QuerySelector("#attribution")!.TextContent, StringComparison.Ordinal);
        var stored = await MunicipalityTestData.AllAsync(factory);
        Assert.Equal(["05199001", "05199002", "05199003", "12097001", "12098000"], stored.Select(m => m.Ags));
        var sorbian = stored.Single(m => m.Ags == "12097001");
        Assert.Equal(("Wjeska/Wěska Šćěrjo", "Brandenburg", "Landkreis Lausitzer Beispiel", 615), (sorbian.Name, sorbian.LandName, sorbian.KreisName, sorbian.Population));
        Assert.All(stored, m => Assert.Equal("GV100AD 30.11.2025", m.Source));

        var second = await Html.FollowRedirectAsync(client, await MunicipalityTestData.UploadAsync(client, "gv100ad-mini.txt", bytes));

        Assert.Equal(new Dictionary<string, string> { ["total"] = "5", ["added"] = "0", ["updated"] = "0", ["unchanged"] = "5", ["skipped"] = "2" }, Counts(second));
        Assert.Equal(5, (await MunicipalityTestData.AllAsync(factory)).Count);
    }

    [Fact]
    public async Task Upload_AfterManualEdits_UpdatesDirectoryFieldsAndKeepsTheRest()
    {
        using var factory = new GrundschutzWebFactory();
        var manualOnly = await MunicipalityTestData.AddAsync(factory, "05999001", "Nur von Hand angelegt");
        var outdated = await MunicipalityTestData.AddAsync(factory, "05199002", "Kleinoede (alt)", 999);
        var client = await factory.CreateAdminClientAsync();
        factory.Time.Advance(TimeSpan.FromHours(1));

        var page = await Html.FollowRedirectAsync(client, await MunicipalityTestData.UploadAsync(client, "gv100ad-mini.txt", await File.ReadAllBytesAsync(MunicipalityTestData.FixturePath)));

        Assert.Equal("4", page.QuerySelector("#count-added")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("#count-updated")!.TextContent.Trim());
        var stored = (await MunicipalityTestData.AllAsync(factory)).ToDictionary(m => m.Ags);
        Assert.Equal(6, stored.Count);
        var updated = stored["05199002"];
        Assert.Equal((outdated.Id, "Kleinöde", 1234, "Kreis Musterland"), (updated.Id, updated.Name, updated.Population, updated.KreisName));
        Assert.Equal(outdated.CreatedAt, updated.CreatedAt);
        Assert.Equal(factory.Time.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal("GV100AD 30.11.2025", updated.Source);
        var untouched = stored["05999001"];
        Assert.Equal(("Nur von Hand angelegt", Municipality.ManualSource, manualOnly.UpdatedAt), (untouched.Name, untouched.Source, untouched.UpdatedAt));
    }

    [Fact]
    public async Task Upload_BrokenFile_ShowsErrorSummaryWithLineAndSavesNothing()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var fixture = await File.ReadAllBytesAsync(MunicipalityTestData.FixturePath);
        await Html.FollowRedirectAsync(client, await MunicipalityTestData.UploadAsync(client, "gv100ad-mini.txt", fixture));
        var before = await MunicipalityTestData.AllAsync(factory);

        // Line 17 (the Sorbian Gemeinde) gets a population that is no number; the lines before it are fine.
        var lines = Encoding.UTF8.GetString(fixture).Split("\r\n");
        lines[4] = lines[4][..139] + "00000054321" + lines[4][150..]; // a changed population that must not be saved
        lines[16] = lines[16][..139] + "0000000x615" + lines[16][150..];
        var broken = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

        var response = await MunicipalityTestData.UploadAsync(client, "kaputt.txt", broken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector("#error-summary")!;
        Assert.Contains("kaputt.txt (Zeile 17)", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Spalten 140–150", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts gespeichert.", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Upload", summary.QuerySelector("a")!.GetAttribute("href"));
        var after = await MunicipalityTestData.AllAsync(factory);
        Assert.Equal(before.Select(m => (m.Ags, m.Population, m.UpdatedAt)), after.Select(m => (m.Ags, m.Population, m.UpdatedAt)));
    }

    [Fact]
    public async Task Upload_NotAGv100AdFile_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await MunicipalityTestData.UploadAsync(client, "gemeinden.csv", Encoding.UTF8.GetBytes("AGS;Name\n05315000;Köln\n")));

        Assert.Contains("gemeinden.csv (Zeile 1): Unbekannte Satzart", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MunicipalityTestData.AllAsync(factory));
    }

    [Fact]
    public async Task Upload_OverConfiguredLimit_IsRefusedBeforeReading()
    {
        using var factory = new GrundschutzWebFactory();
        factory.Settings["MunicipalityImport:MaxFileBytes"] = "1000";
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await MunicipalityTestData.UploadAsync(client, "gv100ad-mini.txt", await File.ReadAllBytesAsync(MunicipalityTestData.FixturePath)));

        Assert.Contains("größer als das Limit von 1000 Bytes", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MunicipalityTestData.AllAsync(factory));
    }

    [Fact]
    public async Task Upload_NoFile_AsksForOne()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Admin/Municipalities/Import")).QuerySelector("#import-form")!;

        var page = await Html.ParseAsync(await Html.SubmitAsync(client, form));

        Assert.Contains("Bitte wählen Sie eine Datei aus.", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
