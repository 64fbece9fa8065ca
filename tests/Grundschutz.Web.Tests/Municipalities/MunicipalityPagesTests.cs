using System.Net;

using AngleSharp.Html.Dom;

using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Municipalities;

public sealed class MunicipalityPagesTests
{
    private static async Task<HttpResponseMessage> SubmitCreateAsync(HttpClient client, string ags, string name, string type = "Gemeinde", string population = "")
    {
        var page = await Html.GetDocumentAsync(client, "/Admin/Municipalities/Create");
        var form = (IHtmlFormElement)page.QuerySelector("#municipality-form")!;
        return await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Ags"] = ags,
            ["Input.Name"] = name,
            ["Input.Type"] = type,
            ["Input.Population"] = population,
        });
    }

    [Fact]
    public async Task Create_Valid_RedirectsToTheListAndStoresLandFromAgs()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var response = await SubmitCreateAsync(client, "05315000", "Köln, Stadt", "KreisfreieStadt", "1.024.621");
        var list = await Html.FollowRedirectAsync(client, response);

        Assert.Contains("„Köln, Stadt“ wurde angelegt", list.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("#municipality-05315000")!;
        Assert.Equal("Köln, Stadt", row.QuerySelector("#edit-05315000")!.TextContent.Trim());
        Assert.Equal("1.024.621", row.QuerySelector("td.population")!.TextContent.Trim());
        var stored = Assert.Single(await MunicipalityTestData.AllAsync(factory));
        Assert.Equal(("05", "Nordrhein-Westfalen", 1_024_621, MunicipalityType.KreisfreieStadt), (stored.LandCode, stored.LandName, stored.Population, stored.Type));
        Assert.Equal(Municipality.ManualSource, stored.Source);
        Assert.Equal(factory.Time.GetUtcNow(), stored.CreatedAt);
    }

    [Theory]
    [InlineData("1234", "Der Amtliche Gemeindeschlüssel muss aus genau 8 Ziffern bestehen.")]
    [InlineData("0531500X", "Der Amtliche Gemeindeschlüssel muss aus genau 8 Ziffern bestehen.")]
    [InlineData("17315000", "Der Amtliche Gemeindeschlüssel beginnt mit „17“; das ist kein Landesschlüssel (gültig sind 01 bis 16).")]
    [InlineData("", "Bitte geben Sie den Amtlichen Gemeindeschlüssel an.")]
    public async Task Create_InvalidAgs_ShowsFieldErrorLinkedFromTheSummary(string ags, string message)
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var response = await SubmitCreateAsync(client, ags, "Irgendwo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var link = Assert.Single(page.QuerySelectorAll("#error-summary a"));
        Assert.Equal("#Input_Ags", link.GetAttribute("href"));
        Assert.Equal(message, link.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#Input_Ags"));
        Assert.Equal(message, page.QuerySelector("#Input_Ags-error")!.TextContent.Trim());
        Assert.Empty(await MunicipalityTestData.AllAsync(factory));
    }

    [Fact]
    public async Task Create_MissingNameAndNegativePopulation_ListsBothFields()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await SubmitCreateAsync(client, "05315000", "", population: "-5"));

        var links = page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Name", links);
        Assert.Contains("#Input_Population", links);
        Assert.Contains("ganze Zahl ab 0", page.QuerySelector("#Input_Population-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MunicipalityTestData.AllAsync(factory));
    }

    [Fact]
    public async Task Create_DuplicateAgs_IsRefusedWithAFieldError()
    {
        using var factory = new GrundschutzWebFactory();
        await MunicipalityTestData.AddAsync(factory, "05315000", "Köln, Stadt");
        var client = await factory.CreateAdminClientAsync();

        var response = await SubmitCreateAsync(client, "05315000", "Köln-Doppelt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var link = Assert.Single(page.QuerySelectorAll("#error-summary a"));
        Assert.Equal("#Input_Ags", link.GetAttribute("href"));
        Assert.Contains("05315000 gibt es bereits", link.TextContent, StringComparison.Ordinal);
        Assert.Equal("Köln, Stadt", Assert.Single(await MunicipalityTestData.AllAsync(factory)).Name);
    }

    [Fact]
    public async Task Edit_ChangesFieldsAndMarksTheRecordAsManual()
    {
        using var factory = new GrundschutzWebFactory();
        var existing = await MunicipalityTestData.AddAsync(factory, "05111000", "Düsseldorf", 600_000, MunicipalityType.KreisfreieStadt, "GV100AD 30.11.2025");
        var client = await factory.CreateAdminClientAsync();
        factory.Time.Advance(TimeSpan.FromHours(2));

        var page = await Html.GetDocumentAsync(client, $"/Admin/Municipalities/Edit/{existing.Id}");
        Assert.Equal("Düsseldorf", ((IHtmlInputElement)page.QuerySelector("#Input_Name")!).Value);
        Assert.Equal("GV100AD 30.11.2025", page.QuerySelector("#detail-source")!.TextContent.Trim());
        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#municipality-form")!, new Dictionary<string, string>
        {
            ["Input.Name"] = "Düsseldorf, Landeshauptstadt",
            ["Input.Population"] = "631 217",
            ["Input.KreisName"] = "Düsseldorf, Stadt",
        });
        var list = await Html.FollowRedirectAsync(client, response);

        Assert.Contains("wurde gespeichert", list.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var stored = Assert.Single(await MunicipalityTestData.AllAsync(factory));
        Assert.Equal(("Düsseldorf, Landeshauptstadt", 631_217, "Düsseldorf, Stadt"), (stored.Name, stored.Population, stored.KreisName));
        Assert.Equal(MunicipalityType.KreisfreieStadt, stored.Type);
        Assert.Equal(Municipality.ManualSource, stored.Source);
        Assert.Equal(factory.Time.GetUtcNow(), stored.UpdatedAt);
        Assert.NotEqual(stored.CreatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task Edit_FromAPageLoadedBeforeAnotherSave_KeepsTheNewerValuesAndShowsThem()
    {
        using var factory = new GrundschutzWebFactory();
        var existing = await MunicipalityTestData.AddAsync(factory, "05113000", "Essen", 580_000, MunicipalityType.KreisfreieStadt, "GV100AD 30.11.2025");
        var client = await factory.CreateAdminClientAsync();
        var first = await Html.GetDocumentAsync(client, $"/Admin/Municipalities/Edit/{existing.Id}");
        var second = await Html.GetDocumentAsync(client, $"/Admin/Municipalities/Edit/{existing.Id}");
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, (IHtmlFormElement)first.QuerySelector("#municipality-form")!, new Dictionary<string, string> { ["Input.Population"] = "586 608" }));

        // The second tab still shows 580,000 and changes the Kreis: saving it would put the old population back.
        var refused = await Html.SubmitAsync(client, (IHtmlFormElement)second.QuerySelector("#municipality-form")!, new Dictionary<string, string> { ["Input.KreisName"] = "Essen, Stadt" });

        var page = await Html.FollowRedirectAsync(client, refused);
        Assert.Contains("wurde inzwischen geändert", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var stored = Assert.Single(await MunicipalityTestData.AllAsync(factory));
        Assert.Equal((586_608, (string?)null), (stored.Population, stored.KreisName));
        Assert.Equal(("586608", ""), (((IHtmlInputElement)page.QuerySelector("#Input_Population")!).Value, ((IHtmlInputElement)page.QuerySelector("#Input_KreisName")!).Value));

        // Sent again from the refreshed form, the change is saved on purpose.
        var saved = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#municipality-form")!, new Dictionary<string, string> { ["Input.KreisName"] = "Essen, Stadt" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        stored = Assert.Single(await MunicipalityTestData.AllAsync(factory));
        Assert.Equal((586_608, "Essen, Stadt"), (stored.Population, stored.KreisName));
    }

    /// <summary>Thousands separators are read only in groups of three: „1.2.3“ is a typing error, not 123 inhabitants.</summary>
    [Theory]
    [InlineData("631.217", 631_217)]
    [InlineData("631 217", 631_217)]
    [InlineData("1.234.567", 1_234_567)]
    [InlineData("631217", 631_217)]
    [InlineData("1.2.3", null)]
    [InlineData("63.12", null)]
    [InlineData("6312.17", null)]
    public async Task Edit_Population_ThousandsSeparatorsOnlyInGroupsOfThree(string typed, int? stored)
    {
        using var factory = new GrundschutzWebFactory();
        var existing = await MunicipalityTestData.AddAsync(factory, "05111000", "Düsseldorf", 600_000, MunicipalityType.KreisfreieStadt, "GV100AD 30.11.2025");
        var client = await factory.CreateAdminClientAsync();
        var page = await Html.GetDocumentAsync(client, $"/Admin/Municipalities/Edit/{existing.Id}");

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#municipality-form")!, new Dictionary<string, string> { ["Input.Population"] = typed });

        var municipality = Assert.Single(await MunicipalityTestData.AllAsync(factory));
        if (stored is { } expected)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, municipality.Population);
        }
        else
        {
            Assert.Equal("#Input_Population", (await Html.ParseAsync(response)).QuerySelector("#error-summary a")!.GetAttribute("href"));
            Assert.Equal(600_000, municipality.Population);
        }
    }

    [Fact]
    public async Task Edit_AgsOfAnotherMunicipality_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        await MunicipalityTestData.AddAsync(factory, "05111000", "Düsseldorf");
        var other = await MunicipalityTestData.AddAsync(factory, "05112000", "Duisburg");
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.GetDocumentAsync(client, $"/Admin/Municipalities/Edit/{other.Id}");
        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#municipality-form")!, new Dictionary<string, string>
        {
            ["Input.Ags"] = "05111000",
        });

        var result = await Html.ParseAsync(response);
        Assert.Equal("#Input_Ags", result.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.Contains(await MunicipalityTestData.AllAsync(factory), m => m.Id == other.Id && m.Ags == "05112000");
    }

    [Fact]
    public async Task Edit_UnknownId_IsNotFound()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var response = await client.GetAsync("/Admin/Municipalities/Edit/4711");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Index_SearchByFoldedNameOrAgsPrefixAndFilterByLand()
    {
        using var factory = new GrundschutzWebFactory();
        await MunicipalityTestData.AddAsync(factory, "05315000", "Köln, Stadt");
        await MunicipalityTestData.AddAsync(factory, "05111000", "Düsseldorf, Stadt");
        await MunicipalityTestData.AddAsync(factory, "09162000", "München, Landeshauptstadt");
        var client = await factory.CreateAdminClientAsync();

        static List<string> Ags(IHtmlDocument page) =>
            page.QuerySelectorAll("#municipality-table tbody td.ags").Select(td => td.TextContent.Trim()).ToList();

        Assert.Equal(["05111000", "05315000", "09162000"], Ags(await Html.GetDocumentAsync(client, "/Admin/Municipalities")));
        Assert.Equal(["05315000"], Ags(await Html.GetDocumentAsync(client, "/Admin/Municipalities?q=KOELN")));
        Assert.Equal(["05315000"], Ags(await Html.GetDocumentAsync(client, "/Admin/Municipalities?q=köln")));
        Assert.Equal(["05111000", "05315000"], Ags(await Html.GetDocumentAsync(client, "/Admin/Municipalities?q=05")));
        Assert.Equal(["09162000"], Ags(await Html.GetDocumentAsync(client, "/Admin/Municipalities?land=09")));
        var filtered = await Html.GetDocumentAsync(client, "/Admin/Municipalities?land=05&q=stadt");
        Assert.Equal(["05111000", "05315000"], Ags(filtered));
        Assert.Equal("2 von 3 Kommunen", filtered.QuerySelector("#municipality-count")!.TextContent.Trim());
        var none = await Html.GetDocumentAsync(client, "/Admin/Municipalities?q=hamburg");
        Assert.NotNull(none.QuerySelector("#no-municipalities"));
        Assert.Contains("dl-de/by-2-0", none.QuerySelector("#attribution")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_PagesFiftyAtATime()
    {
        using var factory = new GrundschutzWebFactory();
        for (var i = 1; i <= 120; i++)
        {
            await MunicipalityTestData.AddAsync(factory, $"05999{i:000}", $"Testgemeinde {i:000}");
        }

        var client = await factory.CreateAdminClientAsync();

        var first = await Html.GetDocumentAsync(client, "/Admin/Municipalities");
        Assert.Equal(50, first.QuerySelectorAll("#municipality-table tbody tr").Length);
        Assert.Null(first.QuerySelector("#page-prev"));
        var last = await Html.GetDocumentAsync(client, first.QuerySelector("#page-next")!.GetAttribute("href")!.Replace("p=2", "p=3", StringComparison.Ordinal));
        Assert.Equal(20, last.QuerySelectorAll("#municipality-table tbody tr").Length);
        Assert.Equal("Testgemeinde 101", last.QuerySelector("#municipality-table tbody th")!.TextContent.Trim());
        Assert.Null(last.QuerySelector("#page-next"));
        Assert.Equal("Seite 3 von 3", last.QuerySelector("#page-info")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Admin/Municipalities")]
    [InlineData("/Admin/Municipalities/Create")]
    [InlineData("/Admin/Municipalities/Import")]
    public async Task AdminPages_NonAdmin_IsRedirectedToAccessDenied(string url)
    {
        using var factory = new GrundschutzWebFactory();
        await factory.CreateUserAsync("isb", "Test-Passwort-123");
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, "isb", "Test-Passwort-123");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_InEnglish_UsesTheTranslations()
    {
        using var factory = new GrundschutzWebFactory();
        await MunicipalityTestData.AddAsync(factory, "05315000", "Köln, Stadt", type: MunicipalityType.KreisfreieStadt);
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.GetDocumentAsync(client, "/Admin/Municipalities?culture=en&ui-culture=en");

        Assert.Equal("Municipalities", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("District-free city", page.QuerySelectorAll("#municipality-05315000 td")[3].TextContent.Trim());
        Assert.StartsWith("Data source: Federal Statistical Office (Destatis)", page.QuerySelector("#attribution")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminIndex_LinksToCatalogImportAndMunicipalities()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.GetDocumentAsync(client, "/Admin");

        Assert.Equal("/Admin/Catalogs/Import", page.QuerySelector("#admin-catalog-import")!.GetAttribute("href"));
        Assert.Equal("/Admin/Municipalities", page.QuerySelector("#admin-municipalities")!.GetAttribute("href"));
    }
}
