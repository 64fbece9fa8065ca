using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Assessments;

public sealed class CreateAssessmentTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static string MinimalKompendium => SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Kompendium/minimal-kompendium.xml");

    [Fact]
    public async Task Create_EmptyTitle_ShowsMessageLinkedToFieldAndCreatesNothing()
    {
        var seed = new AssessmentSeed(factory);
        await seed.DemoCatalogVersionIdAsync();
        var (_, isb) = await seed.TenantAsync("09162000", "München");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var form = Form(page, "create-form");
        Assert.False(string.IsNullOrEmpty(((IHtmlInputElement)form.Elements["Input.Title"]!).Value));

        var result = await SubmitRefusedAsync(client, form, new() { ["Input.Approach"] = nameof(Approach.GsppNormal), ["Input.Title"] = "   " });

        Assert.Equal(["Bitte geben Sie einen Titel an."], Errors(result));
        Assert.Equal(["#Input_Title"], ErrorLinks(result));
        Assert.NotNull(result.GetElementById("Input_Title"));
        Assert.Equal(0, await CountAsync(isb.MunicipalityId!.Value));
    }

    [Fact]
    public async Task Create_NoApproachChosen_AsksForOne()
    {
        var seed = new AssessmentSeed(factory);
        await seed.DemoCatalogVersionIdAsync();
        var (_, isb) = await seed.TenantAsync("09161000", "Ingolstadt");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");

        var result = await SubmitRefusedAsync(client, Form(page, "create-form"), new() { ["Input.Title"] = "Bewertung" });

        Assert.Equal(["Bitte wählen Sie eine Vorgehensweise."], Errors(result));
        Assert.Equal(["#Input_Approach"], ErrorLinks(result));
        Assert.NotNull(result.GetElementById("Input_Approach"));
    }

    [Fact]
    public async Task Create_ApproachNotFittingTheCatalogue_IsRefused()
    {
        var seed = new AssessmentSeed(factory);
        await seed.DemoCatalogVersionIdAsync();
        var (_, isb) = await seed.TenantAsync("09163000", "Rosenheim");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var form = Form(page, "create-form");

        // The demo catalogue is Grundschutz++: only its two approaches are offered; a forged Kompendium approach is refused.
        var offered = form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Approach']").ToList();
        Assert.Equal([nameof(Approach.GsppNormal), nameof(Approach.GsppErhoeht)], offered.Select(i => i.Value));
        offered[0].Value = nameof(Approach.Basis);
        offered[0].IsChecked = true;
        var result = await SubmitRefusedAsync(client, form, new() { ["Input.Title"] = "Bewertung" });

        Assert.Equal(["Die Vorgehensweise „Basis-Absicherung“ passt nicht zum gewählten Katalog."], Errors(result));
        Assert.Equal(0, await CountAsync(isb.MunicipalityId!.Value));
    }

    /// <summary>
    /// The form offers first the version the municipality's newest assessment uses, else the one with the most
    /// requirements in force – not the one imported last (in a development setup a 10-requirement add-on catalogue,
    /// which a new ISB would otherwise assess against without noticing).
    /// </summary>
    [Fact]
    public async Task Create_DefaultVersion_IsTheMunicipalitysLastOneElseTheLargestNotTheNewestImport()
    {
        using var own = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(own);
        var demoId = await seed.DemoCatalogVersionIdAsync();
        int smallId;
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            smallId = (await importer.ImportAsync([CatalogImportFile.FromPath(SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Oscal/mini-catalog.json"))], "test", CancellationToken.None))[0].CatalogVersionId;
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            var inForce = await db.CatalogVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.RequirementCount - v.WithdrawnCount);
            Assert.True(inForce[smallId] < inForce[demoId], "the fixture imported last must be the smaller catalogue");
        }

        var (municipality, isb) = await seed.TenantAsync("09184001", "Standardwahl");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var options = page.QuerySelectorAll<IHtmlOptionElement>("#Input_CatalogVersionId option").ToList();
        Assert.Equal(smallId.ToString(CultureInfo.InvariantCulture), options[0].Value);
        Assert.Equal(demoId.ToString(CultureInfo.InvariantCulture), Assert.Single(options, o => o.IsSelected).Value);

        // The next cycle continues on the catalogue the municipality used last, even the smaller one.
        await seed.Assessment(municipality, isb).OnCatalogVersion(smallId).BuildAsync();
        page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        Assert.Equal(smallId.ToString(CultureInfo.InvariantCulture), Assert.Single(page.QuerySelectorAll<IHtmlOptionElement>("#Input_CatalogVersionId option"), o => o.IsSelected).Value);
    }

    [Fact]
    public async Task Create_ChooseVersion_OffersTheApproachesOfThatFramework()
    {
        var seed = new AssessmentSeed(factory);
        var demoId = await seed.DemoCatalogVersionIdAsync();
        int kompendiumId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            kompendiumId = (await importer.ImportAsync([CatalogImportFile.FromPath(MinimalKompendium)], "test", CancellationToken.None))[0].CatalogVersionId;
        }

        var (_, isb) = await seed.TenantAsync("09184000", "Landkreis München");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var options = page.QuerySelectorAll<IHtmlOptionElement>("#Input_CatalogVersionId option").Select(o => o.Value).ToList();
        Assert.Contains(demoId.ToString(CultureInfo.InvariantCulture), options);
        Assert.Contains(kompendiumId.ToString(CultureInfo.InvariantCulture), options);

        var form = Form(page, "create-form");
        ((IHtmlSelectElement)form.Elements["Input.CatalogVersionId"]!).Value = kompendiumId.ToString(CultureInfo.InvariantCulture);
        // The button's formaction carries the handler (as a browser would use it).
        var button = (IHtmlButtonElement)page.GetElementById("choose-version-button")!;
        Assert.Equal("/Assessments/Create?handler=ChooseVersion", button.GetAttribute("formaction"));
        form.Action = button.GetAttribute("formaction")!;
        ((IHtmlInputElement)form.Elements["Input.Title"]!).Value = "Kompendium-Check";
        var chosen = await Html.SubmitAsync(client, form);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var withKompendium = await Html.FollowRedirectAsync(client, chosen);

        Assert.Empty(Errors(withKompendium));
        Assert.Equal(
            [nameof(Approach.Basis), nameof(Approach.Kern), nameof(Approach.Standard)],
            withKompendium.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Approach']").Select(i => i.Value));
        Assert.Equal(kompendiumId.ToString(CultureInfo.InvariantCulture), ((IHtmlSelectElement)Form(withKompendium, "create-form").Elements["Input.CatalogVersionId"]!).Value);
        Assert.Equal("Kompendium-Check", ((IHtmlInputElement)Form(withKompendium, "create-form").Elements["Input.Title"]!).Value);
        var created = await SubmitAndFollowAsync(client, Form(withKompendium, "create-form"), new() { ["Input.Approach"] = nameof(Approach.Basis) });
        Assert.NotNull(created.QuerySelector("#status-message"));
        Assert.Equal("Basis-Absicherung", Text(created, "#header-approach"));
    }

    /// <summary>The title typed so far travels in the redirect's address: an overlong one is cut, not turned into an HTTP 414.</summary>
    [Fact]
    public async Task Create_ChooseVersionWithOverlongTitle_PageStillOpens()
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("09185000", "Neuburg-Schrobenhausen");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var form = Form(page, "create-form");
        form.Action = page.GetElementById("choose-version-button")!.GetAttribute("formaction")!;
        ((IHtmlInputElement)form.Elements["Input.Title"]!).Value = new string('Ä', 100_000);

        var chosen = await Html.SubmitAsync(client, form);
        var again = await Html.FollowRedirectAsync(client, chosen);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(new string('Ä', Assessment.MaxTitleLength), ((IHtmlInputElement)Form(again, "create-form").Elements["Input.Title"]!).Value);
    }

    [Fact]
    public async Task Create_MunicipalityComesFromTheSignInNotFromTheForm()
    {
        var seed = new AssessmentSeed(factory);
        var versionId = await seed.DemoCatalogVersionIdAsync();
        var (own, isb) = await seed.TenantAsync("09175000", "Ebersberg");
        var (other, _) = await seed.TenantAsync("09176000", "Eichstätt");
        var client = await seed.SignInAsync(isb);
        var token = await TokenFromAsync(client, "/Assessments/Create");

        var response = await PostAsync(client, "/Assessments/Create", "", token,
            ("Input.CatalogVersionId", versionId.ToString(CultureInfo.InvariantCulture)),
            ("Input.Approach", nameof(Approach.GsppErhoeht)),
            ("Input.Title", "Untergeschoben"),
            ("Input.MunicipalityId", other.Id.ToString(CultureInfo.InvariantCulture)),
            ("MunicipalityId", other.Id.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await seed.LoadAsync(IdFromLocation(response));
        Assert.Equal(own.Id, created.MunicipalityId);
        Assert.Equal(Approach.GsppErhoeht, created.Approach);
        Assert.Equal(0, await CountAsync(other.Id));
    }

    [Fact]
    public async Task Create_SameFormSentTwice_OneAssessmentAndTheSecondSaysItExistsAlready()
    {
        var seed = new AssessmentSeed(factory);
        await seed.DemoCatalogVersionIdAsync();
        var (own, isb) = await seed.TenantAsync("09178000", "Freising");
        var client = await seed.SignInAsync(isb);
        var form = Form(await Html.GetDocumentAsync(client, "/Assessments/Create"), "create-form");
        var fields = new Dictionary<string, string> { ["Input.Approach"] = nameof(Approach.GsppNormal), ["Input.Title"] = "Selbstbewertung Freising" };
        var first = await Html.SubmitAsync(client, form, fields);

        // The same page's form once more: a double click, or „Zurück“ and „Bewertung anlegen“ again.
        var second = await Html.SubmitAsync(client, form, fields);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Html.FollowRedirectAsync(client, second);
        Assert.Contains("bereits angelegt", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(own.Id));
    }

    [Fact]
    public async Task Create_NotAnIsb_IsForbidden()
    {
        var seed = new AssessmentSeed(factory);
        var municipality = await seed.MunicipalityAsync("09177000", "Erding");
        var contributor = await seed.UserAsync("mitarbeit-erding", Roles.Contributor, municipality);
        var client = await seed.SignInAsync(contributor);

        var response = await client.GetAsync("/Assessments/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", PathAndQuery(response.Headers.Location!), StringComparison.Ordinal);
    }

    private async Task<int> CountAsync(int municipalityId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.Assessments.CountAsync(a => a.MunicipalityId == municipalityId);
    }
}
