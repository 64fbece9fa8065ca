using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// The application with evidence stored in a temporary folder of its own and a small file limit
/// (<see cref="MaxEvidenceBytes"/>), so that size tests need no large files.
/// </summary>
public sealed class QuestionnaireWebFactory : GrundschutzWebFactory
{
    public const long MaxEvidenceBytes = 64 * 1024;

    public QuestionnaireWebFactory()
    {
        Settings["Evidence:Directory"] = EvidenceDirectory;
        Settings["Evidence:MaxFileBytes"] = MaxEvidenceBytes.ToString(CultureInfo.InvariantCulture);
    }

    public string EvidenceDirectory { get; } = Path.Combine(Path.GetTempPath(), "grundschutz-tests", "evidence-" + Guid.NewGuid().ToString("N"));

    /// <summary>All files in the evidence folder (stored and temporary).</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(EvidenceDirectory) ? Directory.GetFiles(EvidenceDirectory, "*", SearchOption.AllDirectories) : [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(EvidenceDirectory))
        {
            try
            {
                Directory.Delete(EvidenceDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind does not affect other tests.
            }
        }
    }
}

/// <summary>Builders and form helpers for the questionnaire tests (on top of <see cref="AssessmentSeed"/>).</summary>
internal static class QuestionnaireTestData
{
    /// <summary>The demo catalogue's questions for one target with ORG.1 and TEC.1, in questionnaire order.</summary>
    public static readonly string[] OrgAndTec = ["ORG.1.1", "ORG.1.2", "ORG.1.3", "TEC.1.1", "TEC.1.2", "TEC.1.3"];

    public const string Target = "Server Rathaus";

    /// <summary>The fake clock's date (see <see cref="GrundschutzWebFactory.Time"/>).</summary>
    public static DateOnly Today(GrundschutzWebFactory factory) => DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime);

    public static string Question(Guid id, int position) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Questions/{position}");

    public static string Questions(Guid id) => $"/Assessments/{id}/Questions";

    /// <summary>A municipality with its ISB and an assessment in progress on the demo catalogue (ORG.1 and TEC.1 on <see cref="Target"/>).</summary>
    public static async Task<Tenant> TenantWithAssessmentAsync(GrundschutzWebFactory factory, string ags, string name, Func<AssessmentSeed.Builder, AssessmentSeed.Builder>? configure = null)
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync(ags, name);
        var builder = seed.Assessment(municipality, isb).WithTarget(Target, "ORG.1", "TEC.1").InState(AssessmentState.InProgress);
        var assessment = await (configure?.Invoke(builder) ?? builder).BuildAsync();
        return new Tenant(seed, municipality, isb, assessment);
    }

    /// <summary>Imports the made-up Kompendium fixture (three Bausteine TST.*) and returns its version id.</summary>
    public static async Task<int> KompendiumVersionIdAsync(GrundschutzWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var path = SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Kompendium/minimal-kompendium.xml");
        var results = await importer.ImportAsync([CatalogImportFile.FromPath(path)], "test", CancellationToken.None);
        return results[0].CatalogVersionId;
    }

    public static IHtmlFormElement Form(IHtmlDocument document, string id) =>
        document.GetElementById(id) as IHtmlFormElement
        ?? throw new Xunit.Sdk.XunitException($"Form #{id} not found on {document.Url}.");

    /// <summary>The values of the radio buttons named <paramref name="name"/> in the answer form.</summary>
    public static List<string> RadioValues(IHtmlDocument document, string name) =>
        [.. Form(document, "question-form").QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Where(i => i.Name == name).Select(i => i.Value)];

    /// <summary>The label text of the radio with <paramref name="value"/>.</summary>
    public static string RadioLabel(IHtmlDocument document, string name, string value)
    {
        var radio = Form(document, "question-form").QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Single(i => i.Name == name && i.Value == value);
        return document.QuerySelector($"label[for='{radio.Id}']")!.TextContent.Trim();
    }

    /// <summary>Checks the radio button <paramref name="name"/> = <paramref name="value"/> and unchecks the others of its group.</summary>
    public static void Choose(IHtmlFormElement form, string name, string value)
    {
        var radios = form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Where(i => i.Name == name).ToList();
        var chosen = radios.SingleOrDefault(r => r.Value == value)
            ?? throw new Xunit.Sdk.XunitException($"The form offers no {name} = {value}.");
        foreach (var radio in radios)
        {
            radio.IsChecked = radio == chosen;
        }
    }

    /// <summary>
    /// Fills the answer form like a user (radio groups by value, other fields by name) and presses
    /// "Speichern und weiter" (<paramref name="button"/> = save-next) or "Speichern" (save-stay).
    /// </summary>
    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, IHtmlDocument document, Dictionary<string, string> values, string button = "save-next")
    {
        var form = Form(document, "question-form");
        var others = new Dictionary<string, string>();
        foreach (var (name, value) in values)
        {
            var radios = form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Where(i => i.Name == name).ToList();
            if (radios.Count == 0)
            {
                others[name] = value;
                continue;
            }

            Choose(form, name, value);
        }

        var submitter = (IHtmlElement)(document.GetElementById(button) ?? throw new Xunit.Sdk.XunitException($"No #{button}."));
        return Html.SubmitAsync(client, form, others, submitter);
    }

    /// <summary>Saves and expects the form back (200) with errors or a conflict.</summary>
    public static async Task<IHtmlDocument> SaveRefusedAsync(HttpClient client, IHtmlDocument document, Dictionary<string, string> values, string button = "save-next")
    {
        var response = await SaveAsync(client, document, values, button);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form back, got {(int)response.StatusCode} {response.Headers.Location}");
        return await Html.ParseAsync(response);
    }

    /// <summary>The anti-forgery token of the signed-in user (from any form of the document).</summary>
    public static string Token(IHtmlDocument document) =>
        document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new Xunit.Sdk.XunitException($"No anti-forgery token on {document.Url}.");

    /// <summary>A hand-made form post (as a forged request would send it) with a valid token of the sender's session.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)).ToList();
        return client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts the upload form of the question page as a browser would: its hidden fields plus the file.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, IHtmlDocument document, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var form = Form(document, "evidence-upload-form");
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => (i.Name!, i.Value)).ToList();
        return UploadToAsync(client, form.Action, fields, fileName, content, contentType);
    }

    /// <summary>A multipart upload to any URL with the given fields (e.g. a forged request with the sender's own token).</summary>
    public static async Task<HttpResponseMessage> UploadToAsync(HttpClient client, string url, IEnumerable<(string Name, string Value)> fields, string fileName, byte[] content, string contentType = "application/pdf")
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "upload", fileName);
        return await client.PostAsync(url, body);
    }

    /// <summary>A small file that starts like a real PDF.</summary>
    public static byte[] Pdf(string text = "Nachweis", int padTo = 0)
    {
        var builder = new StringBuilder("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ").Append(text).Append('\n');
        while (builder.Length < padTo)
        {
            builder.Append("% Fülltext für die Größenprüfung.\n");
        }

        return Encoding.UTF8.GetBytes(builder.Append("%%EOF\n").ToString());
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static List<string> Errors(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim())];

    public static List<string?> ErrorLinks(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href"))];

    public static string Text(IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim()
        ?? throw new Xunit.Sdk.XunitException($"Nothing matches {selector} on {document.Url}.");

    /// <summary>Path (and query) of a redirect.</summary>
    public static string Location(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>A tenant (municipality, its ISB) with one seeded assessment.</summary>
    public sealed record Tenant(AssessmentSeed Seed, Municipality Municipality, ApplicationUser Isb, AssessmentSeed.SeededAssessment Assessment)
    {
        public Guid Id => Assessment.Id;

        public Guid TargetId => Assessment.Target(QuestionnaireTestData.Target);

        public Task<HttpClient> SignInAsync() => Seed.SignInAsync(Isb);

        /// <summary>Another user of the same municipality.</summary>
        public async Task<ApplicationUser> ColleagueAsync(string userName, string role = Roles.Isb) =>
            await Seed.UserAsync(userName, [role], Municipality.Id, []);

        /// <summary>The stored answer of one requirement on <see cref="Target"/>, or null.</summary>
        public async Task<Answer?> AnswerAsync(string requirementId) =>
            (await Seed.LoadAsync(Id)).FindAnswer(requirementId, TargetId);
    }
}
