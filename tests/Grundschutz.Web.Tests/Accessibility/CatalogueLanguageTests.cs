using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Accessibility;

/// <summary>
/// WCAG 3.1.2 for catalogues in another language: the texts of a catalogue carry the language stored with its version
/// (here English, on the German UI), not a fixed „de“ – on the catalogue pages, the questionnaire, the overview and the
/// report. German catalogues keep „de“ also on the version tree, the search results and the version comparison.
/// </summary>
public sealed class CatalogueLanguageTests(Assessments.QuestionnaireWebFactory factory) : IClassFixture<Assessments.QuestionnaireWebFactory>
{
    /// <summary>A small English OSCAL catalogue shaped like the demo catalogue (practice → topic → controls).</summary>
    private static byte[] EnglishCatalogue(string title, string? languageProp = "en") => Encoding.UTF8.GetBytes($$"""
        { "catalog": { "uuid": "{{Guid.NewGuid()}}",
          "metadata": { "title": "{{title}}", "version": "2026.1", "oscal-version": "1.1.3"{{(languageProp is null ? "" : $", \"props\": [ {{ \"name\": \"lang\", \"value\": \"{languageProp}\" }} ]")}} },
          "groups": [ { "id": "ACC", "title": "Access management",
            "groups": [ { "id": "ACC.1", "title": "Access control",
              "controls": [
                { "id": "ACC.1.1", "title": "Access control policy",
                  "props": [ { "name": "sec_level", "value": "normal-SdT" } ],
                  "parts": [ { "name": "statement", "props": [ { "name": "modal_verb", "value": "MUSS" } ], "prose": "The organisation shall define an access control policy." },
                             { "name": "guidance", "prose": "Keep the policy short." } ] },
                { "id": "ACC.1.2", "title": "Review of access rights",
                  "props": [ { "name": "sec_level", "value": "normal-SdT" } ],
                  "parts": [ { "name": "statement", "props": [ { "name": "modal_verb", "value": "SOLLTE" } ], "prose": "Access rights should be reviewed every year." } ] } ] } ] } ] } }
        """);

    private async Task<int> ImportAsync(string fileName, byte[] bytes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync([new CatalogImportFile(fileName, bytes.Length, () => new MemoryStream(bytes))], "test", CancellationToken.None);
        return Assert.Single(results).CatalogVersionId;
    }

    [Fact]
    public async Task CataloguePages_EnglishCatalogue_TextsAreMarkedEnglish()
    {
        var versionId = await ImportAsync("english-pages.json", EnglishCatalogue("English catalogue pages"));
        var client = factory.CreateBrowserClient();

        var version = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}");
        Assert.Equal("de", version.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", version.QuerySelector("#meta-language")!.GetAttribute("data-language"));
        Assert.Equal("en", Lang(version.QuerySelector("#version-title .catalog-title")!));
        var treeTitles = version.QuerySelectorAll("#group-tree .catalog-title");
        Assert.Equal(["Access control", "Access management"], treeTitles.Select(t => t.TextContent).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.All(treeTitles, t => Assert.Equal("en", Lang(t)));
        Assert.Equal("de", Lang(version.QuerySelector("#group-tree .count")!));

        var group = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}/Groups/ACC.1");
        Assert.Equal("en", Lang(group.QuerySelector("#group-title .catalog-title")!));
        Assert.Equal("en", Lang(group.QuerySelector("tr[data-requirement-id='ACC.1.1'] .req-title .catalog-title")!));
        Assert.Equal("en", Lang(group.QuerySelector("#requirements caption .catalog-title")!));
        Assert.Equal("de", Lang(group.QuerySelector("#requirements caption")!));

        var requirement = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}/Requirements/ACC.1.1");
        Assert.Equal("en", Lang(requirement.QuerySelector("#requirement-title .catalog-title")!));
        Assert.Equal("en", Lang(requirement.QuerySelector("#statement")!));
        Assert.Equal("en", Lang(requirement.QuerySelector("#guidance")!));
        Assert.Equal("de", Lang(requirement.QuerySelector("#requirement-status")!));

        var search = await Html.GetDocumentAsync(client, $"/Catalog/Search?version={versionId}&q=policy");
        var hit = search.QuerySelector("#search-results li[data-requirement-id='ACC.1.1']");
        Assert.NotNull(hit);
        Assert.Equal("en", Lang(hit.QuerySelector("h3 .catalog-title")!));
        Assert.Equal("en", Lang(hit.QuerySelector(".snippet")!));
        Assert.Equal("en", Lang(hit.QuerySelector(".result-group .catalog-title")!));
        Assert.Equal("de", Lang(hit.QuerySelector(".result-meta")!));
    }

    [Fact]
    public async Task QuestionnaireOverviewAndReport_EnglishCatalogue_TextsAreMarkedEnglish()
    {
        var versionId = await ImportAsync("english-assessment.json", EnglishCatalogue("English catalogue assessment"));
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05100921", "Englischdorf");
        var assessment = await seed.Assessment(municipality, isb).OnCatalogVersion(versionId).WithTarget(Target, "ACC.1")
            .InState(Domain.Assessments.AssessmentState.InProgress)
            .Answer("ACC.1.1", Target, Domain.Assessments.AnswerStatus.Nein)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var question = await Html.GetDocumentAsync(client, Question(assessment.Id, 0));
        Assert.Equal("de", question.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", Lang(question.QuerySelector("#requirement-title")!));
        Assert.Equal("en", Lang(question.QuerySelector("#requirement-statement")!));
        Assert.Equal("de", Lang(question.QuerySelector("#requirement-id")!));
        var modules = question.QuerySelectorAll("#module-nav li a .catalog-title");
        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.Equal("en", Lang(m)));

        var overview = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}");
        var rows = overview.QuerySelectorAll("th[scope='row'] a[href*='/Questions/'] .catalog-title");
        Assert.NotEmpty(rows);
        Assert.All(rows, t => Assert.Equal("en", Lang(t)));
        Assert.Equal("en", Lang(overview.QuerySelector("#header-catalog .catalog-title")!));

        var list = await Html.GetDocumentAsync(client, "/Assessments");
        var listed = Assert.Single(list.QuerySelectorAll("td.catalog .catalog-title"), t => t.TextContent == "English catalogue assessment");
        Assert.Equal("en", Lang(listed));

        var report = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}/Report");
        foreach (var table in new[] { "#layers", "#modules" })
        {
            var titles = report.QuerySelectorAll($"{table} tbody tr td:first-of-type");
            Assert.NotEmpty(titles);
            Assert.All(titles, td => Assert.Equal("en", Lang(td)));
            Assert.All(report.QuerySelectorAll($"{table} tbody tr td.num"), td => Assert.Equal("de", Lang(td)));
        }

        var plan = report.QuerySelector("#action-plan tbody tr[data-requirement='ACC.1.1']");
        Assert.NotNull(plan);
        Assert.Equal("en", Lang(Assert.Single(plan.QuerySelectorAll(".catalog-title"))));
        Assert.Equal("en", Lang(report.QuerySelector("#report-catalog .catalog-title")!));
    }

    /// <summary>The version tree, search results and version comparison of a German catalogue on the English UI.</summary>
    [Fact]
    public async Task TreeSearchAndDiff_GermanCatalogueOnEnglishUi_TextsAreMarkedGerman()
    {
        var first = await new Catalog.CatalogBuilder("Sprachvergleich")
            .Group("SPV", "Sprachen")
            .Group("SPV.1", "Baustein Vergleich", "SPV")
            .Requirement("SPV.1.A1", "Alte Anforderung", "SPV.1", r => r.Statement = "Der alte Text MUSS gelten.")
            .Requirement("SPV.1.A2", "Entfernte Anforderung", "SPV.1", r => r.Statement = "Dieser Text entfällt.")
            .SaveAsync(factory.Services);
        var second = await new Catalog.CatalogBuilder("Sprachvergleich").OfCatalog(first.CatalogId).Version("2.0")
            .Group("SPV", "Sprachen")
            .Group("SPV.1", "Baustein Vergleich", "SPV")
            .Requirement("SPV.1.A1", "Neue Anforderung", "SPV.1", r => r.Statement = "Der neue Text MUSS gelten.")
            .Requirement("SPV.1.A3", "Hinzugekommene Anforderung", "SPV.1", r => r.Statement = "Sprachvergleich neu.")
            .SaveAsync(factory.Services);
        var client = factory.CreateBrowserClient();

        var version = await Html.GetDocumentAsync(client, Html.English($"/Catalog/Versions/{second.VersionId}"));
        Assert.Equal("en", version.DocumentElement.GetAttribute("lang"));
        var treeTitles = version.QuerySelectorAll("#group-tree .catalog-title");
        Assert.Contains("Baustein Vergleich", treeTitles.Select(t => t.TextContent));
        Assert.All(treeTitles, t => Assert.Equal("de", Lang(t)));
        Assert.Equal("en", Lang(version.QuerySelector("#group-tree .count")!));
        Assert.All(version.QuerySelectorAll("#breadcrumb li[aria-current]"), li => Assert.Equal("de", Lang(li)));

        var search = await Html.GetDocumentAsync(client, Html.English($"/Catalog/Search?version={second.VersionId}&q=sprachvergleich"));
        var hit = search.QuerySelector("#search-results li[data-requirement-id='SPV.1.A3']");
        Assert.NotNull(hit);
        Assert.Equal("de", Lang(hit.QuerySelector("h3 .catalog-title")!));
        Assert.Equal("de", Lang(hit.QuerySelector(".snippet")!));
        Assert.Equal("en", Lang(hit.QuerySelector(".result-meta")!));

        var diff = await Html.GetDocumentAsync(client, Html.English($"/Catalog/Diff?from={first.VersionId}&to={second.VersionId}"));
        Assert.Equal("de", Lang(diff.QuerySelector("#added tr[data-requirement-id='SPV.1.A3'] td")!));
        Assert.Equal("de", Lang(diff.QuerySelector("#removed tr[data-requirement-id='SPV.1.A2'] td")!));
        var changed = diff.QuerySelector("#changed tr[data-requirement-id='SPV.1.A1']");
        Assert.NotNull(changed);
        Assert.Equal("de", Lang(changed.QuerySelector("td")!));
        Assert.Equal("de", Lang(changed.QuerySelector("li[data-field='Title'] .diff-old")!));
        Assert.Equal("de", Lang(changed.QuerySelector("li[data-field='Statement'] .diff-new .prose")!));
        Assert.Equal("en", Lang(changed.QuerySelector("li[data-field='Statement'] summary")!));
        Assert.Equal("de", Lang(diff.QuerySelector("#diff-from-link .catalog-title")!));
    }

    /// <summary>The administrator chooses English for a file that states no language: the catalogue is marked English.</summary>
    [Fact]
    public async Task ImportForm_EnglishChosen_StoresAndMarksEnglish()
    {
        var client = await factory.CreateAdminClientAsync("language-admin");

        var response = await UploadAsync(client, ("english-form.json", EnglishCatalogue("English catalogue form", languageProp: null)), new() { ["Language"] = "en" });
        var result = await Html.FollowRedirectAsync(client, response);

        var row = Assert.Single(result.QuerySelectorAll("#import-results tbody tr"));
        Assert.Equal("en", row.QuerySelector("td.language")!.GetAttribute("data-language"));
        var versionId = await VersionIdAsync("English catalogue form");
        Assert.Equal("en", await LanguageAsync(versionId));
        var requirement = await Html.GetDocumentAsync(client, $"/Catalog/Versions/{versionId}/Requirements/ACC.1.2");
        Assert.Equal("en", Lang(requirement.QuerySelector("#statement")!));
    }

    /// <summary>Without a choice the file's own language counts; a file that states none gets the default (German).</summary>
    [Fact]
    public async Task ImportForm_NoChoice_TakesTheFileOrTheDefault()
    {
        var client = await factory.CreateAdminClientAsync("language-admin-2");

        var page = await Html.GetDocumentAsync(client, "/Admin/Catalogs/Import");
        var select = (IHtmlSelectElement)page.QuerySelector("select#Language")!;
        // Nothing marked selected: the browser shows (and sends) the first option.
        Assert.DoesNotContain(select.Options, o => o.HasAttribute("selected"));
        Assert.Equal("", select.Options[0].GetAttribute("value"));
        Assert.Equal("Wie in der Datei angegeben, sonst Deutsch (de)", select.Options[0].TextContent.Trim());

        await Html.FollowRedirectAsync(client, await UploadAsync(client, ("stated.json", EnglishCatalogue("Stated English", "en-GB")), []));
        await Html.FollowRedirectAsync(client, await UploadAsync(client, ("unstated.json", EnglishCatalogue("Unstated language", null)), []));

        Assert.Equal("en-GB", await LanguageAsync(await VersionIdAsync("Stated English")));
        Assert.Equal("de", await LanguageAsync(await VersionIdAsync("Unstated language")));
    }

    [Theory]
    [InlineData("Englisch!", "„Englisch!“ ist kein gültiges Sprachkennzeichen. Bitte geben Sie es nach BCP 47 an, z. B. „fr“, „en-GB“ oder „pt-BR“.")]
    [InlineData("", "Bitte geben Sie das Sprachkennzeichen der Katalogtexte an (nach BCP 47, z. B. „fr“ oder „en-GB“).")]
    public async Task ImportForm_OtherLanguageNotATag_ShowsGermanErrorAndImportsNothing(string other, string message)
    {
        var client = await factory.CreateAdminClientAsync("language-admin-" + Guid.NewGuid().ToString("N")[..8]);
        var title = "Refused language " + Guid.NewGuid().ToString("N");

        var response = await UploadAsync(client, ("refused.json", EnglishCatalogue(title, null)), new() { ["Language"] = "other", ["OtherLanguage"] = other });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, Assert.Single(page.QuerySelectorAll("#error-summary li")).TextContent.Trim());
        Assert.StartsWith("Fehler:", page.Title, StringComparison.Ordinal);
        var field = page.QuerySelector("#OtherLanguage")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("OtherLanguage-error", field.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal(message, page.QuerySelector("#OtherLanguage-error")!.TextContent.Trim());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().CatalogVersions.AnyAsync(v => v.Title == title));
    }

    /// <summary>Posts the upload form as a browser would: its hidden fields, its choices (defaults unless given) and the files.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, (string Name, byte[] Content) file, Dictionary<string, string> values)
    {
        var page = await Html.GetDocumentAsync(client, "/Admin/Catalogs/Import");
        var form = (IHtmlFormElement)page.QuerySelector("#import-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var select = (IHtmlSelectElement)form.Elements["Language"]!;
        content.Add(new StringContent(values.TryGetValue("Language", out var language) ? language : select.Value ?? ""), "Language");
        var other = (IHtmlInputElement)form.Elements["OtherLanguage"]!;
        content.Add(new StringContent(values.TryGetValue("OtherLanguage", out var otherLanguage) ? otherLanguage : other.Value), "OtherLanguage");

        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(bytes, "Files", file.Name);
        return await client.PostAsync("/Admin/Catalogs/Import", content);
    }

    private async Task<int> VersionIdAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().CatalogVersions.Where(v => v.Title == title).Select(v => v.Id).SingleAsync();
    }

    private async Task<string> LanguageAsync(int versionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().CatalogVersions.Where(v => v.Id == versionId).Select(v => v.Language).SingleAsync();
    }

    /// <summary>The language an element is read in: its own <c>lang</c> or the nearest ancestor's.</summary>
    private static string? Lang(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.GetAttribute("lang") is { } lang)
            {
                return lang;
            }
        }

        return null;
    }
}
