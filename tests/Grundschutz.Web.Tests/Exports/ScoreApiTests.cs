using System.Net;
using System.Text.Json;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Exports;

/// <summary>
/// <c>GET /api/assessments/{id}/score</c> against the numbers of <see cref="ExportScenario"/> worked out by hand,
/// its authorisation (401 without sign-in, 404 for another municipality) and the OpenAPI description.
/// </summary>
public sealed class ScoreApiTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static int _tenants;

    [Fact]
    public async Task Score_Isb_NumbersAsComputedByHand()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05117000", "Mülheim an der Ruhr");
        var client = await scenario.SignInAsync();

        var response = await client.GetAsync(ExportScenario.Score(scenario.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(scenario.Id, root.GetProperty("assessmentId").GetGuid());
        Assert.Equal("Grundschutz-Check 2026", root.GetProperty("title").GetString());
        Assert.Equal("GrundschutzPlusPlus", root.GetProperty("framework").GetString());
        Assert.Equal("GsppNormal", root.GetProperty("approach").GetString());
        Assert.Equal("2026-11-23", root.GetProperty("referenceDate").GetString());

        // 9 pairs: ja 4, nein 2, offen 2, entbehrlich 1 → 4 von 8; all normal-SdT.
        var overall = root.GetProperty("overall");
        Assert.Equal(9, overall.GetProperty("pairs").GetInt32());
        Assert.Equal(7, overall.GetProperty("answered").GetInt32());
        AssertSlice(overall.GetProperty("all"), ja: 4, nein: 2, open: 2, entbehrlich: 1, numerator: 4, denominator: 8);
        AssertSlice(overall.GetProperty("normalSdT"), ja: 4, nein: 2, open: 2, entbehrlich: 1, numerator: 4, denominator: 8);
        AssertRatio(overall.GetProperty("normalSdT").GetProperty("lenient"), 4, 8);
        AssertSlice(overall.GetProperty("erhoeht"), 0, 0, 0, 0, 0, 0);
        // MUSS: TEC.1.1 ×2, TEC.1.2 ×2, TEC.2.1 (entbehrlich), TEC.2.3 → 4 von 5; SOLLTE: TEC.1.3 ×2, TEC.2.2 → 0 von 3.
        AssertSlice(overall.GetProperty("muss"), ja: 4, nein: 1, open: 0, entbehrlich: 1, numerator: 4, denominator: 5);
        AssertSlice(overall.GetProperty("sollte"), ja: 0, nein: 1, open: 2, entbehrlich: 0, numerator: 0, denominator: 3);
        AssertSlice(overall.GetProperty("kann"), 0, 0, 0, 0, 0, 0);
        // Kompendium levels do not apply to a Grundschutz++ catalogue.
        AssertSlice(overall.GetProperty("basis"), 0, 0, 0, 0, 0, 0);
        AssertSlice(overall.GetProperty("basisStandard"), 0, 0, 0, 0, 0, 0);
        AssertSlice(overall.GetProperty("hoch"), 0, 0, 0, 0, 0, 0);
        AssertRatio(overall.GetProperty("coverage"), 7, 9);
        AssertRatio(overall.GetProperty("freshness"), 7, 7);
        Assert.Equal(2, overall.GetProperty("actionItems").GetInt32());
        Assert.Equal(1, overall.GetProperty("overdueActionItems").GetInt32());
        Assert.Equal(0, overall.GetProperty("entbehrlichWithoutJustification").GetInt32());

        var layer = Assert.Single(root.GetProperty("layers").EnumerateArray());
        Assert.Equal("TEC", layer.GetProperty("id").GetString());
        Assert.Equal("Technik", layer.GetProperty("title").GetString());
        AssertRatio(layer.GetProperty("all").GetProperty("strict"), 4, 8);
        var modules = root.GetProperty("modules").EnumerateArray().ToList();
        Assert.Equal(["TEC.1", "TEC.2"], modules.Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("Datensicherung", modules[0].GetProperty("title").GetString());
        Assert.Equal("TEC", modules[0].GetProperty("layerId").GetString());
        AssertRatio(modules[0].GetProperty("all").GetProperty("strict"), 3, 6);
        AssertRatio(modules[0].GetProperty("coverage"), 5, 6);
        AssertRatio(modules[1].GetProperty("all").GetProperty("strict"), 1, 2);
        AssertRatio(modules[1].GetProperty("coverage"), 2, 3);

        // Basis gate = MUSS pairs: only TEC.1.2 × Clients blocks.
        var basis = root.GetProperty("basisGate");
        Assert.False(basis.GetProperty("reached").GetBoolean());
        AssertRatio(basis.GetProperty("compliance"), 4, 5);
        var blocker = Assert.Single(basis.GetProperty("blockers").EnumerateArray());
        Assert.Equal("TEC.1.2", blocker.GetProperty("requirementId").GetString());
        Assert.Equal(ExportScenario.Clients, blocker.GetProperty("targetObjectName").GetString());
        Assert.Equal(["NotFulfilled"], blocker.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("TEC.1.2 × Clients Bürgeramt: nicht umgesetzt", blocker.GetProperty("text").GetString());

        // Standard gate = all normal-SdT pairs: the MUSS gap cannot be justified away, the two open pairs block,
        // the justified SOLLTE gap TEC.1.3 × Server Rathaus is an accepted deviation.
        var standard = root.GetProperty("standardGate");
        Assert.False(standard.GetProperty("reached").GetBoolean());
        AssertRatio(standard.GetProperty("compliance"), 4, 8);
        Assert.Equal(3, standard.GetProperty("blockerCount").GetInt32());
        Assert.Equal(
            [("TEC.1.2", ExportScenario.Clients), ("TEC.1.3", ExportScenario.Clients), ("TEC.2.2", ExportScenario.Server)],
            standard.GetProperty("blockers").EnumerateArray().Select(b => (b.GetProperty("requirementId").GetString(), b.GetProperty("targetObjectName").GetString())));
        Assert.Equal(["NotFulfilled", "NotJustifiable"], standard.GetProperty("blockers")[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["NotAnswered"], standard.GetProperty("blockers")[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, standard.GetProperty("acceptedDeviations").GetInt32());

        // The demo catalogue has none of the Methodik practices: nothing to rate.
        var maturity = root.GetProperty("maturity");
        Assert.Equal(JsonValueKind.Null, maturity.GetProperty("overall").ValueKind);
        Assert.Equal(["GC", "STM", "UMS", "VRB", "PERF", "RISK"], maturity.GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("practiceId").GetString()));
        Assert.All(maturity.GetProperty("practices").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("level").ValueKind));

        var plan = root.GetProperty("actionPlan");
        Assert.Equal(2, plan.GetProperty("items").GetInt32());
        Assert.Equal(1, plan.GetProperty("overdue").GetInt32());
        Assert.Equal(0, plan.GetProperty("missingOwner").GetInt32());
        Assert.Equal(0, plan.GetProperty("missingDueDate").GetInt32());
        Assert.Equal(1484.56m, plan.GetProperty("knownCost").GetDecimal());
        Assert.Equal(0, plan.GetProperty("missingCost").GetInt32());
        Assert.Equal(2, plan.GetProperty("unanswered").GetInt32());
    }

    [Fact]
    public async Task Score_OtherMunicipality_NotFound()
    {
        var owner = await ExportScenario.CreateAsync(factory, "05119000", "Oberhausen");
        var intruder = await ExportScenario.CreateAsync(factory, "05120000", "Remscheid");
        var client = await intruder.SignInAsync();

        var response = await client.GetAsync(ExportScenario.Score(owner.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ExportScenario.Score(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ExportScenario.Score(intruder.Id))).StatusCode);
    }

    /// <summary>
    /// Errors no endpoint wrote itself – an address that matches no endpoint, a method the endpoint does not accept,
    /// a missing sign-in – are problem+json like the endpoint's own, not the pages' HTML status page; titles follow
    /// the request's language.
    /// </summary>
    [Theory]
    [InlineData("GET", "/api/assessments/keine-guid/score", false, HttpStatusCode.NotFound, "Nicht gefunden.")]
    [InlineData("GET", "/api/assessments/keine-guid/score?culture=en", false, HttpStatusCode.NotFound, "Not found.")]
    [InlineData("GET", "/api/gibt-es-nicht", false, HttpStatusCode.NotFound, "Nicht gefunden.")]
    [InlineData("DELETE", "{score}", false, HttpStatusCode.MethodNotAllowed, "Diese Methode ist für diese Adresse nicht erlaubt.")]
    [InlineData("GET", "{unknown}?culture=en", false, HttpStatusCode.NotFound, "Assessment not found.")]
    [InlineData("GET", "{unknown}", false, HttpStatusCode.NotFound, "Bewertung nicht gefunden.")]
    [InlineData("GET", "{score}", true, HttpStatusCode.Unauthorized, "Bitte melden Sie sich an.")]
    public async Task Api_Errors_AreProblemJsonInTheRequestsLanguage(string method, string url, bool anonymous, HttpStatusCode expected, string title)
    {
        var owner = await ExportScenario.CreateAsync(factory, $"0512{Interlocked.Increment(ref _tenants):D4}", "Wuppertal");
        var client = anonymous ? factory.CreateBrowserClient() : await owner.SignInAsync();
        url = url.Replace("{score}", ExportScenario.Score(owner.Id), StringComparison.Ordinal)
            .Replace("{unknown}", ExportScenario.Score(Guid.NewGuid()), StringComparison.Ordinal);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Score_Anonymous_UnauthorizedWithoutRedirect()
    {
        var owner = await ExportScenario.CreateAsync(factory, "05122000", "Solingen");
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(ExportScenario.Score(owner.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // Pages keep the redirect to the login form.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(ExportScenario.Page(owner.Id))).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheScoreEndpoint()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var path = json.RootElement.GetProperty("paths").GetProperty("/api/assessments/{id}/score");
        var get = path.GetProperty("get");
        Assert.Equal("GetAssessmentScore", get.GetProperty("operationId").GetString());
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(json.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("ScoreDto", out _));
    }

    private static void AssertSlice(JsonElement slice, int ja, int nein, int open, int entbehrlich, decimal numerator, int denominator)
    {
        Assert.Equal(ja, slice.GetProperty("ja").GetInt32());
        Assert.Equal(0, slice.GetProperty("teilweise").GetInt32());
        Assert.Equal(nein, slice.GetProperty("nein").GetInt32());
        Assert.Equal(open, slice.GetProperty("open").GetInt32());
        Assert.Equal(entbehrlich, slice.GetProperty("entbehrlich").GetInt32());
        Assert.Equal(0, slice.GetProperty("jaBlockedByDependency").GetInt32());
        AssertRatio(slice.GetProperty("strict"), numerator, denominator);
    }

    private static void AssertRatio(JsonElement ratio, decimal numerator, int denominator)
    {
        Assert.Equal(numerator, ratio.GetProperty("numerator").GetDecimal());
        Assert.Equal(denominator, ratio.GetProperty("denominator").GetInt32());
        if (denominator == 0)
        {
            Assert.Equal(JsonValueKind.Null, ratio.GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.Null, ratio.GetProperty("percent").ValueKind);
        }
        else
        {
            Assert.Equal(numerator / denominator, ratio.GetProperty("value").GetDecimal());
            Assert.Equal(Math.Round(numerator * 100m / denominator, 1, MidpointRounding.ToZero), ratio.GetProperty("percent").GetDecimal());
        }
    }
}
