using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Exports;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Oscal;

/// <summary>
/// OSCAL downloads (validated against the NIST schemas), tenant isolation, and the assessment-results import: a file
/// exported here imports into a new assessment with the same answers; hostile files are refused and nothing is saved.
/// </summary>
public sealed class OscalExchangeTests(OscalWebFactory factory) : IClassFixture<OscalWebFactory>
{
    private const string Script = "<script>alert(1)</script>";
    private const string ImgOnError = "\"><img src=x onerror=alert(1)>";
    private const string Hyperlink = "=HYPERLINK(\"http://x\")";

    [SkippableFact]
    public async Task ExportsPage_OscalDownloads_ValidAgainstNistSchemas()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05315000", "Köln");
        var client = await scenario.SignInAsync();

        var page = await Html.GetDocumentAsync(client, ExportScenario.Page(scenario.Id));
        var arUrl = page.QuerySelector("#download-assessment-results")!.GetAttribute("href")!;
        var poamUrl = page.QuerySelector("#download-poam")!.GetAttribute("href")!;
        Assert.Equal($"/Assessments/{scenario.Id}/Exports?handler=AssessmentResults", arUrl);
        Assert.Equal($"/Assessments/{scenario.Id}/Exports?handler=Poam", poamUrl);

        var ar = await client.GetAsync(arUrl);
        var poam = await client.GetAsync(poamUrl);

        Assert.Equal(HttpStatusCode.OK, ar.StatusCode);
        Assert.Equal("application/json", ar.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", ar.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("OSCAL-Assessment-Results-05315000-2026-11-23.json", ar.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("OSCAL-POAM-05315000-2026-11-23.json", poam.Content.Headers.ContentDisposition?.FileNameStar);
        var validator = new OscalSchemaValidator(OscalWebFactory.SchemaDirectory);
        var arJson = await ar.Content.ReadAsStringAsync();
        Assert.Equal(arJson, await client.GetStringAsync($"/api/assessments/{scenario.Id}/oscal/assessment-results"));
        var poamJson = await poam.Content.ReadAsStringAsync();
        Assert.Empty(await validator.ValidateAsync(arJson, OscalSchemaKind.AssessmentResults));
        Assert.Empty(await validator.ValidateAsync(poamJson, OscalSchemaKind.Poam));

        // Hand count (ExportScenario): 9 applicable pairs → 9 findings; 2 nicht umgesetzt → 2 poam-items.
        Assert.Equal(9, JsonNode.Parse(arJson)!["assessment-results"]!["results"]![0]!["findings"]!.AsArray().Count);
        var items = JsonNode.Parse(poamJson)!["plan-of-action-and-milestones"]!["poam-items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("2026-11-23T09:00:00Z", JsonNode.Parse(arJson)!["assessment-results"]!["metadata"]!["last-modified"]!.GetValue<string>());
    }

    [Fact]
    public async Task OscalDownloads_OtherMunicipality_NotFound()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05111000", "Düsseldorf");
        var (_, otherIsb) = await scenario.Seed.TenantAsync("09162000", "München");
        var other = await scenario.Seed.SignInAsync(otherIsb);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Assessments/{scenario.Id}/Exports?handler=AssessmentResults")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Assessments/{scenario.Id}/Exports?handler=Poam")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assessments/{scenario.Id}/oscal/assessment-results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assessments/{scenario.Id}/oscal/poam")).StatusCode);
        var own = await scenario.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/assessments/{scenario.Id}/oscal/assessment-results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/assessments/{scenario.Id}/oscal/poam")).StatusCode);
    }

    [SkippableFact]
    public async Task Import_ExportedKompendiumAssessment_CreatesNewAssessmentWithSameAnswers()
    {
        var versionId = await factory.KompendiumVersionIdAsync();
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05334002", "Aachen");
        var source = await seed.Assessment(municipality, isb)
            .OnCatalogVersion(versionId)
            .WithApproach(Approach.Standard)
            .Titled("IT-Grundschutz-Check Aachen 2026")
            .WithTarget("Informationsverbund", "ISMS.1")
            .WithTarget("Server Rathaus", "SYS.1.1")
            .Answer("ISMS.1.A1", "Informationsverbund", AnswerStatus.Ja, adjust: a => a with { ImplementationDescription = "Zeile 1\nZeile 2", Interviewees = "Frau Schmidt" })
            .Answer("ISMS.1.A2", "Informationsverbund", AnswerStatus.Nein, adjust: a => a with { Justification = Script, CostEstimate = 1234.56m })
            .Answer("ISMS.1.A3", "Informationsverbund", AnswerStatus.Teilweise, adjust: a => a with { Justification = ImgOnError, ImplementationDescription = Hyperlink, Owner = "=Owner" })
            .Answer("SYS.1.1.A1", "Server Rathaus", AnswerStatus.Entbehrlich, adjust: a => a with { EntbehrlichReason = EntbehrlichReason.AlternativeMeasure })
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);
        var exported = await (await client.GetAsync($"/Assessments/{source.Id}/Exports?handler=AssessmentResults")).Content.ReadAsByteArrayAsync();

        var response = await UploadAsync(client, exported);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.NotEqual(source.Id, newId);
        var original = await seed.LoadAsync(source.Id);
        var copy = await seed.LoadAsync(newId);
        Assert.Equal(municipality.Id, copy.MunicipalityId);
        Assert.Equal(AssessmentState.Draft, copy.State);
        Assert.Equal(original.CatalogVersionId, copy.CatalogVersionId);
        Assert.Equal(original.Approach, copy.Approach);
        Assert.Equal(original.Title, copy.Title);
        Assert.Equal(Scope(original), Scope(copy));
        Assert.Equal(4, original.Answers.Count);
        Assert.Equal(Answers(original), Answers(copy));
        Assert.All(copy.Answers, a => Assert.Equal(1, a.Version));
    }

    [Fact]
    public async Task Import_ExportedGrundschutzPlusPlusAssessment_SameAnswers()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05913000", "Dortmund");
        var client = await scenario.SignInAsync();
        var exported = await (await client.GetAsync($"/Assessments/{scenario.Id}/Exports?handler=AssessmentResults")).Content.ReadAsByteArrayAsync();
        if (!File.Exists(Path.Combine(OscalWebFactory.SchemaDirectory, "oscal_assessment-results_schema.json")))
        {
            return;
        }

        var response = await UploadAsync(client, exported);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await scenario.Seed.LoadAsync(Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
        var original = await scenario.Seed.LoadAsync(scenario.Id);
        Assert.Equal(Answers(original), Answers(copy));
        Assert.Equal(Scope(original), Scope(copy));
    }

    [Fact]
    public async Task Import_SameFormSentTwice_OneAssessmentAndTheSecondSaysItExistsAlready()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05913008", "Dortmund-Hörde");
        var client = await scenario.SignInAsync();
        var exported = await (await client.GetAsync($"/Assessments/{scenario.Id}/Exports?handler=AssessmentResults")).Content.ReadAsByteArrayAsync();
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Assessments/Import")).QuerySelector("#oscal-import-form")!;
        var first = await PostFormAsync(client, form, exported);

        // The same page's form once more: a double click, or „Zurück“ and send again.
        var second = await PostFormAsync(client, form, exported);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Html.FollowRedirectAsync(client, second);
        Assert.Contains("bereits angelegt", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var source = await scenario.Seed.LoadAsync(scenario.Id);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(2, await db.Assessments.CountAsync(a => a.MunicipalityId == source.MunicipalityId));
    }

    [SkippableTheory]
    [InlineData("not-json")]
    [InlineData("too-large")]
    [InlineData("wrong-schema")]
    [InlineData("catalog-instead")]
    [InlineData("unknown-control")]
    [InlineData("unknown-catalog")]
    [InlineData("empty")]
    public async Task Import_HostileFile_ClearMessageAndNothingCreated(string kind)
    {
        _ = OscalWebFactory.SchemaDirectory;
        var scenario = await ExportScenario.CreateAsync(factory, AgsFor(kind), "Gemeinde " + kind);
        var client = await scenario.SignInAsync();
        var exported = await client.GetStringAsync($"/Assessments/{scenario.Id}/Exports?handler=AssessmentResults");
        var root = JsonNode.Parse(exported)!;
        var result = root["assessment-results"]!["results"]![0]!;
        byte[] file;
        string expected;
        switch (kind)
        {
            case "not-json":
                file = Encoding.UTF8.GetBytes("Name;Status\nTEC.1.1;ja\n");
                expected = "kein gültiges JSON";
                break;
            case "too-large":
                file = Encoding.UTF8.GetBytes("{\"assessment-results\":\"" + new string('x', (int)OscalWebFactory.MaxImportBytes) + "\"}");
                expected = "größer als das Limit";
                break;
            case "wrong-schema":
                result["findings"]![0]!["target"]!["status"]!["state"] = "vielleicht";
                file = Encoding.UTF8.GetBytes(root.ToJsonString());
                expected = "entspricht nicht dem OSCAL-1.1.3-Schema";
                break;
            case "catalog-instead":
                file = await File.ReadAllBytesAsync(AssessmentSeed.DemoCatalogPath);
                expected = "kein OSCAL-Assessment-Results-Dokument";
                break;
            case "unknown-control":
                result["findings"]![0]!["target"]!["target-id"] = "XYZ.9.9";
                file = Encoding.UTF8.GetBytes(root.ToJsonString());
                expected = "gibt es im Katalog";
                break;
            case "unknown-catalog":
                foreach (var prop in result["props"]!.AsArray())
                {
                    if (prop!["name"]!.GetValue<string>() is OscalNames.CatalogVersion)
                    {
                        prop["value"] = "1999";
                    }
                    else if (prop["name"]!.GetValue<string>() is OscalNames.CatalogSha256)
                    {
                        prop["value"] = new string('0', 64);
                    }
                }

                file = Encoding.UTF8.GetBytes(root.ToJsonString());
                expected = "ist hier nicht importiert";
                break;
            default:
                file = [];
                expected = "Bitte wählen Sie eine Datei aus.";
                break;
        }

        var before = await CountAssessmentsAsync();

        var response = await UploadAsync(client, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var errors = document.QuerySelectorAll("#error-summary li").Select(li => li.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await CountAssessmentsAsync());
    }

    /// <summary>
    /// A refused assessment-results file in the English UI: message, details and „nothing saved“ in English; ids from the
    /// file and the catalogue's title stay as they are. The German UI shows the German text unchanged.
    /// </summary>
    [SkippableTheory]
    [InlineData("not-json", "05754008")]
    [InlineData("catalog-instead", "05766020")]
    [InlineData("unknown-control", "05962024")]
    public async Task Import_HostileFile_English_MessageInEnglishAndNothingCreated(string kind, string ags)
    {
        _ = OscalWebFactory.SchemaDirectory;
        var scenario = await ExportScenario.CreateAsync(factory, ags, "Stadt " + kind);
        var client = await scenario.SignInAsync();
        var root = JsonNode.Parse(await client.GetStringAsync($"/Assessments/{scenario.Id}/Exports?handler=AssessmentResults"))!;
        string[] details = [];
        (byte[] File, string English, string German) upload;
        switch (kind)
        {
            case "not-json":
                upload = (Encoding.UTF8.GetBytes("Name;Status\nTEC.1.1;ja\n"),
                    "The file is not valid JSON (line 1). An OSCAL assessment-results document is expected. Nothing was saved.",
                    "Die Datei ist kein gültiges JSON (Zeile 1). Erwartet wird ein OSCAL-Assessment-Results-Dokument. Es wurde nichts gespeichert.");
                break;
            case "catalog-instead":
                upload = (await File.ReadAllBytesAsync(AssessmentSeed.DemoCatalogPath),
                    "The file is not an OSCAL assessment-results document (“assessment-results” is missing). Nothing was saved.",
                    "Die Datei ist kein OSCAL-Assessment-Results-Dokument (es fehlt „assessment-results“). Es wurde nichts gespeichert.");
                break;
            default:
                root["assessment-results"]!["results"]![0]!["findings"]![0]!["target"]!["target-id"] = "XYZ.9.9";
                upload = (Encoding.UTF8.GetBytes(root.ToJsonString()),
                    "1 requirement(s) do not exist in the catalogue “Demo-Katalog Kommunale Basissicherheit” (2026.1). Nothing was saved.",
                    "1 Anforderung(en) gibt es im Katalog „Demo-Katalog Kommunale Basissicherheit“ (2026.1) nicht. Es wurde nichts gespeichert.");
                details = ["XYZ.9.9"];
                break;
        }

        var before = await CountAssessmentsAsync();

        var english = await Html.ParseAsync(await UploadAsync(client, upload.File, "?culture=en"));
        var german = await Html.ParseAsync(await UploadAsync(client, upload.File));

        Assert.Equal(upload.English, Assert.Single(english.QuerySelectorAll("#error-summary li")).TextContent.Trim());
        Assert.Equal(details, english.QuerySelectorAll("#import-details li").Select(li => li.TextContent.Trim()));
        Assert.Equal(upload.German, Assert.Single(german.QuerySelectorAll("#error-summary li")).TextContent.Trim());
        Assert.Equal(before, await CountAssessmentsAsync());
    }

    [Fact]
    public async Task Import_WithoutAntiforgeryToken_Refused()
    {
        var scenario = await ExportScenario.CreateAsync(factory, "05158004", "Hilden");
        var client = await scenario.SignInAsync();
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent("{}"u8.ToArray()), "Upload", "x.json");

        var response = await client.PostAsync("/Assessments/Import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string AgsFor(string kind) => kind switch
    {
        "not-json" => "05358008",
        "too-large" => "05362004",
        "wrong-schema" => "05366000",
        "catalog-instead" => "05370004",
        "unknown-control" => "05374012",
        "unknown-catalog" => "05378004",
        _ => "05382068",
    };

    private async Task<int> CountAssessmentsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Assessments.CountAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string query = "")
    {
        var page = await Html.GetDocumentAsync(client, "/Assessments/Import" + query);
        return await PostFormAsync(client, (IHtmlFormElement)page.QuerySelector("#oscal-import-form")!, file, query);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IHtmlFormElement form, byte[] file, string query = "")
    {
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "Upload", "ergebnisse.json");
        return await client.PostAsync("/Assessments/Import" + query, content);
    }

    private static List<string> Scope(Assessment assessment)
    {
        var names = assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        List<string> lines =
        [
            .. assessment.TargetObjects.Select(t => $"target {t.Name} ({t.Kind})"),
            .. assessment.ModuleApplications.Select(m => $"module {m.GroupId} on {names[m.TargetObjectId]}"),
            .. assessment.AdoptedHRequirements.Select(h => $"adopted {h}"),
            .. assessment.ModuleExclusions.Select(e => $"excluded {e.GroupId}: {e.Reason}"),
        ];
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Answers(Assessment assessment)
    {
        var names = assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        return assessment.Answers
            .Select(a => $"{a.ToInput() with { TargetObjectId = Guid.Empty }} @ {names[a.TargetObjectId]}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
