using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>The A.0 policies page: upload, new version keeps the old one, checks on the file, tenant isolation, anti-forgery.</summary>
public sealed class PolicyPageTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>
{
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.7\nLeitlinie\n");

    private static Dictionary<string, string> Metadata(string version) => new()
    {
        ["Input.Number"] = "A.0.1",
        ["Input.Title"] = "Leitlinie zur Informationssicherheit",
        ["Input.Author"] = "=Erika Muster",
        ["Input.Version"] = version,
        ["Input.ApprovedOn"] = "2026-03-01",
        ["Input.ApprovedBy"] = "Bürgermeisterin",
        ["Input.NextReview"] = "2027-03-01",
        ["Input.Changes"] = "Neu gefasst",
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Dictionary<string, string> fields, byte[] file, string fileName, bool english = false)
    {
        string Url(string url) => english ? Html.English(url) : url;
        var page = await Html.GetDocumentAsync(client, Url("/Policies"));
        var token = ((IHtmlInputElement)page.QuerySelector("#policy-form input[name=__RequestVerificationToken]")!).Value;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "Upload", fileName);
        return await client.PostAsync(Url("/Policies?handler=Upload"), content);
    }

    [Fact]
    public async Task Upload_TwoVersions_BothListedOldOneReplaced()
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("09162000", "München");
        var client = await seed.SignInAsync(isb);

        var first = await UploadAsync(client, Metadata("1.0"), Pdf, "Leitlinie.pdf");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await UploadAsync(client, Metadata("2.0"), Pdf.Concat("v2"u8.ToArray()).ToArray(), "Leitlinie v2.pdf");
        var page = await Html.FollowRedirectAsync(client, second);

        var rows = page.QuerySelectorAll("#policy-table tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2.0", "1.0"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
        Assert.Equal(["true", "false"], rows.Select(r => r.GetAttribute("data-current")));
        Assert.Equal("=Erika Muster", rows[0].QuerySelectorAll("td")[2].TextContent.Trim());

        var link = rows[0].QuerySelector("a")!.GetAttribute("href")!;
        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith("v2", Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // Another municipality's ISB cannot download it.
        var (_, otherIsb) = await seed.TenantAsync("09564000", "Nürnberg");
        var other = await seed.SignInAsync(otherIsb);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        Assert.Null((await Html.GetDocumentAsync(other, "/Policies")).QuerySelector("#policy-table"));
    }

    [Fact]
    public async Task Upload_SameFileAndDetailsTwice_SaysAlreadySavedAndKeepsOneCurrentVersion()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("09187000", "Landkreis Rosenheim");
        var client = await seed.SignInAsync(isb);
        await UploadAsync(client, Metadata("1.0"), Pdf, "Leitlinie.pdf");
        factory.Time.Advance(TimeSpan.FromMinutes(1));

        // A double click, or the form sent again from a second tab or after „Zurück“.
        var page = await Html.FollowRedirectAsync(client, await UploadAsync(client, Metadata("1.0"), Pdf, "Leitlinie.pdf"));

        var message = page.QuerySelector("#status-message")!.TextContent;
        Assert.Contains("bereits gespeichert", message, StringComparison.Ordinal);
        Assert.DoesNotContain("neue Version", message, StringComparison.Ordinal);
        var row = Assert.Single(page.QuerySelectorAll("#policy-table tbody tr"));
        Assert.Equal("true", row.GetAttribute("data-current"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var stored = Assert.Single(await db.PolicyDocuments.Where(p => p.MunicipalityId == municipality.Id).ToListAsync());
        Assert.Null(stored.SupersededAt);
    }

    [Fact]
    public async Task Upload_ContentDoesNotMatchExtension_RefusedNothingSaved()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("09663000", "Würzburg");
        var client = await seed.SignInAsync(isb);

        var response = await UploadAsync(client, Metadata("1.0"), Encoding.UTF8.GetBytes("MZ ausführbar"), "Leitlinie.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("kein PDF-Dokument", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(0, await db.PolicyDocuments.CountAsync(p => p.MunicipalityId == municipality.Id));
    }

    [Fact]
    public async Task Upload_InvalidNumber_MessageNothingSaved()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("09761000", "Augsburg");
        var client = await seed.SignInAsync(isb);
        var fields = Metadata("1.0");
        fields["Input.Number"] = "B.7";

        var response = await UploadAsync(client, fields, Pdf, "Leitlinie.pdf");

        var page = await Html.ParseAsync(response);
        Assert.Contains("keine Nummer eines A.0-Dokuments", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(0, await db.PolicyDocuments.CountAsync(p => p.MunicipalityId == municipality.Id));
    }

    /// <summary>
    /// A refused policy upload in the English UI: the file's refusal and the
    /// policy rules are translated, the number the user typed is shown as it is. The German UI shows the German text.
    /// </summary>
    [Theory]
    [InlineData("09771000", "Input.Number", "A.0.1", "MZ ausführbar",
        "The content does not match the extension “.pdf”: the file is not a PDF document. Please upload the original file. Nothing was saved.",
        "Der Inhalt passt nicht zur Endung „.pdf“: Die Datei ist kein PDF-Dokument. Bitte die Originaldatei hochladen. Es wurde nichts gespeichert.")]
    [InlineData("09772000", "Input.Number", "B.7", "%PDF-1.7\nLeitlinie\n",
        "“B.7” is not the number of an A.0 document (expected e.g. A.0.1).",
        "„B.7“ ist keine Nummer eines A.0-Dokuments (erwartet z. B. A.0.1).")]
    [InlineData("09773000", "Input.NextReview", "2026-02-01", "%PDF-1.7\nLeitlinie\n",
        "The next review cannot be before the approval.",
        "Die nächste Überprüfung kann nicht vor der Freigabe liegen.")]
    [InlineData("09774000", "Input.ApprovedOn", "0001-01-01", "%PDF-1.7\nLeitlinie\n",
        "Please enter a date between 01.01.1990 and 31.12.2099 for “Approved on”.",
        "Bitte für „Freigegeben am“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    [InlineData("09775000", "Input.ApprovedOn", "2099-01-01", "%PDF-1.7\nLeitlinie\n",
        "The approval date must not lie in the future.",
        "Das Freigabedatum darf nicht in der Zukunft liegen.")]
    [InlineData("09776000", "Input.NextReview", "9999-12-31", "%PDF-1.7\nLeitlinie\n",
        "Please enter a date between 01.01.1990 and 31.12.2099 for “Next review”.",
        "Bitte für „Nächste Überprüfung“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    public async Task Upload_Refused_MessageInTheReadersLanguage(string ags, string field, string value, string file, string english, string german)
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync(ags, "Landkreis " + ags);
        var client = await seed.SignInAsync(isb);
        var fields = Metadata("1.0");
        fields[field] = value;

        var inEnglish = await UploadAsync(client, fields, Encoding.UTF8.GetBytes(file), "Leitlinie.pdf", english: true);
        var inGerman = await UploadAsync(client, fields, Encoding.UTF8.GetBytes(file), "Leitlinie.pdf");

        Assert.Equal(HttpStatusCode.OK, inEnglish.StatusCode);
        var englishPage = await Html.ParseAsync(inEnglish);
        Assert.Equal("en", englishPage.DocumentElement.GetAttribute("lang"));
        Assert.Equal(english, Assert.Single(englishPage.QuerySelectorAll("#error-summary li")).TextContent.Trim());
        Assert.Equal(german, Assert.Single((await Html.ParseAsync(inGerman)).QuerySelectorAll("#error-summary li")).TextContent.Trim());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(0, await db.PolicyDocuments.CountAsync(p => p.MunicipalityId == municipality.Id));
    }

    /// <summary>
    /// The freshness warning of the policies page (no Leitlinie yet) in the page's language, as on the assessment pages –
    /// it used to be the German text in the English UI.
    /// </summary>
    [Theory]
    [InlineData("09274000", true, "No information security policy (A.0.1) has been uploaded.")]
    [InlineData("09275000", false, "Es ist keine Leitlinie zur Informationssicherheit (A.0.1) hinterlegt.")]
    public async Task Page_NoLeitlinie_WarningInThePagesLanguage(string ags, bool english, string expected)
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync(ags, "Landkreis " + ags);
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, english ? Html.English("/Policies") : "/Policies");

        Assert.Equal([expected], page.QuerySelectorAll(".freshness-warning").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_Rejected()
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("09362000", "Regensburg");
        var client = await seed.SignInAsync(isb);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "Upload", "Leitlinie.pdf" } };

        var response = await client.PostAsync("/Policies?handler=Upload", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_Auditor_Forbidden()
    {
        var seed = new AssessmentSeed(factory);
        var auditor = await seed.UserAsync("pruefer-policies", Roles.Auditor, null, "09");
        var client = await seed.SignInAsync(auditor);

        var response = await client.GetAsync("/Policies");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A date the browser did not check (old browsers show a text field) fails model binding: the message is the app's,
    /// in the page's language – not ASP.NET's „The value '…' is not valid for ApprovedOn.“ with the C# property name.
    /// </summary>
    [Theory]
    [InlineData(false, "Der Wert „31.02.2026“ ist ungültig.")]
    [InlineData(true, "The value “31.02.2026” is not valid.")]
    public async Task Upload_DateTheBrowserDidNotCheck_MessageInThePagesLanguage(bool english, string expected)
    {
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync(english ? "09184000" : "09183000", english ? "Landkreis München" : "Mühldorf a. Inn");
        var client = await seed.SignInAsync(isb);
        var fields = Metadata("1.0");
        fields["Input.ApprovedOn"] = "31.02.2026";

        var response = await UploadAsync(client, fields, Pdf, "Leitlinie.pdf", english);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], page.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Null(page.QuerySelector("#policy-table"));
    }
}

/// <summary>Freshness warnings on the overview (A.4 older than 12 months, Leitlinie missing or old).</summary>
public sealed class FreshnessPageTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>
{
    [Fact]
    public async Task Overview_StaleAnswerAndNoLeitlinie_BothWarnings()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241001", "Hannover");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server", "TEC.1")
            .Answer("TEC.1.1", "Server", AnswerStatus.Ja, adjust: a => a with { AssessedOn = new DateOnly(2025, 11, 22) })
            .Answer("TEC.1.2", "Server", AnswerStatus.Ja, adjust: a => a with { AssessedOn = new DateOnly(2025, 11, 23) })
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}");

        var warnings = page.QuerySelectorAll("#freshness-warnings li").ToList();
        Assert.Equal(["StaleAnswers", "LeitlinieMissing"], warnings.Select(w => w.GetAttribute("data-kind")));
        Assert.Equal(
            "1 Antwort des IT-Grundschutz-Checks (A.4) ist älter als 12 Monate (älteste vom 22.11.2025); für das Audit muss A.4 innerhalb der letzten 12 Monate erhoben sein.",
            warnings[0].TextContent.Trim());
        Assert.Contains("1 Anforderung ist noch nicht beantwortet.", page.QuerySelectorAll("#completeness-problems li").Select(li => li.TextContent.Trim()));

        // English second: the same warnings and problems translated (date in the English short format).
        var english = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}?culture=en");
        Assert.Equal(
            [
                "1 answer of the IT-Grundschutz-Check (A.4) is older than 12 months (from 11/22/2025); for the audit, A.4 must have been assessed within the last 12 months.",
                "No information security policy (A.0.1) has been uploaded.",
            ],
            english.QuerySelectorAll("#freshness-warnings li").Select(li => li.TextContent.Trim()));
        Assert.Contains("1 requirement has not been answered yet.", english.QuerySelectorAll("#completeness-problems li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Overview_FreshAnswersAndCurrentLeitlinie_NoWarnings()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241002", "Hannover-Süd");
        await EvidenceScenario.AddPolicyAsync(factory, municipality.Id, isb.Id, "1.0", factory.Time.GetUtcNow(), null);
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server", "TEC.1")
            .Answer("TEC.1.1", "Server", AnswerStatus.Ja)
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}");

        Assert.Null(page.QuerySelector("#freshness-warnings"));
    }
}
