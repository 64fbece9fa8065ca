using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Oscal;

/// <summary>
/// The migration page on the official Kompendium, Kernel catalogue and BSI mapping. Hand-picked from the mapping file:
/// <code>
/// NET.2.2.A1 (B) ja   → ARCH.1.2   subset-of        needs an answer (partial coverage)
/// NET.2.2.A3 (B) ja   → ARCH.3.4   superset-of      prefilled „umgesetzt“
/// NET.2.2.A4 (S) open → DET.6.1.3  subset-of        erhöht: not in the scope of normal-SdT
/// ORP.5.A5   (S) nein → DET.5.3.1  superset-of      needs an answer (the full source is nein)
/// OPS.2.2.A6 (S) open → DET.3.1.13 superset-of      missing in the Kernel catalogue → listed as stale
/// </code>
/// </summary>
public sealed class MigrationPageTests(OscalWebFactory factory) : IClassFixture<OscalWebFactory>
{
    [SkippableFact]
    public async Task Preview_ShowsPrefillRelationshipsOpenQuestionsAndStaleTargets()
    {
        var (url, client, _) = await ScenarioAsync("05515000", "Münster");

        var page = await Html.GetDocumentAsync(client, url);

        var rows = page.QuerySelectorAll("#migration-controls tbody tr")
            .Select(r => (Id: r.QuerySelector("th")!.TextContent.Trim(), Cells: r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()))
            .ToList();
        Assert.Equal("umgesetzt", Row(rows, "ARCH.3.4", "WLAN Rathaus")[1]);
        Assert.Contains("NET.2.2.A3", Row(rows, "ARCH.3.4", "WLAN Rathaus")[3], StringComparison.Ordinal);
        Assert.Contains("superset-of", Row(rows, "ARCH.3.4", "WLAN Rathaus")[3], StringComparison.Ordinal);
        Assert.Equal("Antwort nötig", Row(rows, "ARCH.1.2", "WLAN Rathaus")[1]);
        Assert.Contains("subset-of", Row(rows, "ARCH.1.2", "WLAN Rathaus")[3], StringComparison.Ordinal);
        Assert.Equal("nicht im Prüfumfang", Row(rows, "DET.6.1.3", "WLAN Rathaus")[1]);
        Assert.Equal("Antwort nötig", Row(rows, "DET.5.3.1", "Verbund")[1]);
        Assert.Contains("ORP.5.A5", Row(rows, "DET.5.3.1", "Verbund")[3], StringComparison.Ordinal);
        Assert.Equal(1, rows.Count(r => r.Cells[1] == "umgesetzt"));

        var needs = page.QuerySelectorAll("#migration-needs-answer tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelector("td")!.TextContent.Trim()))
            .ToList();
        Assert.Contains(("ARCH.1.2", "WLAN Rathaus"), needs);
        Assert.Contains(("DET.5.3.1", "Verbund"), needs);
        Assert.DoesNotContain(("ARCH.3.4", "WLAN Rathaus"), needs);
        var stale = page.QuerySelectorAll("#migration-stale tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Contains("DET.3.1.13", stale);
    }

    [SkippableFact]
    public async Task Create_SavesGrundschutzPlusPlusDraftWithJustifiedPrefill()
    {
        var (url, client, seed) = await ScenarioAsync("05512000", "Bottrop");
        var page = await Html.GetDocumentAsync(client, url);
        var needsCount = page.QuerySelectorAll("#migration-needs-answer tbody tr").Length;

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#migrate-form")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var draft = await seed.LoadAsync(Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, draft.Framework);
        Assert.Equal(Approach.GsppNormal, draft.Approach);
        Assert.Equal(AssessmentState.Draft, draft.State);
        Assert.Equal(["Verbund", "WLAN Rathaus"], draft.TargetObjects.Select(t => t.Name).Order(StringComparer.Ordinal));
        var answer = Assert.Single(draft.Answers);
        Assert.Equal(("ARCH.3.4", AnswerStatus.Ja), (answer.RequirementId, answer.Status));
        Assert.Contains("NET.2.2.A3-UA.", answer.Justification, StringComparison.Ordinal);
        Assert.Contains("GSMap OSCAL Mapping Collection", answer.Justification, StringComparison.Ordinal);
        Assert.Contains("superset-of ARCH.3.4", answer.Justification, StringComparison.Ordinal);
        Assert.Equal(1, answer.Version);
        Assert.NotEmpty(answer.History);
        Assert.True(needsCount > 0);
    }

    [SkippableFact]
    public async Task Create_SameFormSentTwice_OneDraftAndTheSecondSaysItExistsAlready()
    {
        var (url, client, seed) = await ScenarioAsync("05514000", "Gladbeck");
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, url)).QuerySelector("#migrate-form")!;
        var first = await Html.SubmitAsync(client, form);

        // The same page's form once more: a double click, or „Zurück“ and send again.
        var second = await Html.SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Html.FollowRedirectAsync(client, second);
        Assert.Contains("bereits angelegt", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var draft = await seed.LoadAsync(Guid.Parse(first.Headers.Location!.OriginalString.Split('/')[^1]));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.MunicipalityId == draft.MunicipalityId && a.Framework == CatalogFramework.GrundschutzPlusPlus));
    }

    [SkippableFact]
    public async Task Page_OtherMunicipality_NotFound()
    {
        var (url, _, seed) = await ScenarioAsync("05513000", "Gelsenkirchen");
        var (_, otherIsb) = await seed.TenantAsync("05916000", "Herne");
        var other = await seed.SignInAsync(otherIsb);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
    }

    private static List<string> Row(List<(string Id, List<string> Cells)> rows, string id, string target) =>
        rows.Single(r => r.Id == id && r.Cells[0] == target).Cells;

    private async Task<(string Url, HttpClient Client, AssessmentSeed Seed)> ScenarioAsync(string ags, string name)
    {
        var kompendium = await factory.KompendiumVersionIdAsync();
        var ids = await factory.ImportGsPlusPlusAsync("BSI-Stand-der-Technik-Kernel-catalog.json", "ITGS-to-GS++-mapping_collection.json");
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync(ags, name);
        var source = await seed.Assessment(municipality, isb)
            .OnCatalogVersion(kompendium)
            .WithApproach(Approach.Standard)
            .Titled("IT-Grundschutz-Check 2025")
            .WithTarget("WLAN Rathaus", "NET.2.2")
            .WithTarget("Verbund", "OPS.2.2", "ORP.5")
            .Answer("NET.2.2.A1", "WLAN Rathaus", AnswerStatus.Ja)
            .Answer("NET.2.2.A3", "WLAN Rathaus", AnswerStatus.Ja)
            .Answer("ORP.5.A5", "Verbund", AnswerStatus.Nein)
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);
        return ($"/Assessments/{source.Id}/Migrate?Version={ids[0]}&Mapping={ids[1]}&Approach=GsppNormal", client, seed);
    }
}
