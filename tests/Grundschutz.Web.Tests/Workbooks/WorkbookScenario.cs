using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Workbooks;

/// <summary>
/// A Kompendium assessment (catalogue report-kompendium.xml, Standard-Absicherung, in progress) of a fresh
/// municipality, for the questionnaire round trip. Eight pairs in questionnaire order:
/// <code>
/// row  pair                                  stored answer
///  2   ISMS.1.A1 × Informationsverbund       ja
///  3   ISMS.1.A2 × Informationsverbund       nein
///  4   ISMS.1.A3 × Informationsverbund       offen (no answer)
///  5   ISMS.1.A4 × Informationsverbund       offen (no answer)
///  6   SYS.2.1.A1 × Server Rathaus           ja
///  7   SYS.2.1.A2 × Server Rathaus           offen
///  8   SYS.2.1.A3 × Server Rathaus           offen
///  9   SYS.2.1.A4 × Server Rathaus           entbehrlich
/// </code>
/// </summary>
internal sealed record WorkbookScenario(AssessmentSeed Seed, Municipality Municipality, ApplicationUser Isb, Guid Id, int KompendiumVersionId)
{
    public const string Verbund = "Informationsverbund";
    public const string Server = "Server Rathaus";

    public static string KompendiumPath => SharedFiles.InRepository("tests/Grundschutz.Web.Tests/Report/report-kompendium.xml");

    public static async Task<int> KompendiumAsync(GrundschutzWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync([CatalogImportFile.FromPath(KompendiumPath)], "test", CancellationToken.None);
        return results[0].CatalogVersionId;
    }

    public static async Task<WorkbookScenario> CreateAsync(GrundschutzWebFactory factory, string ags, AssessmentState state = AssessmentState.InProgress)
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync(ags, "Kommune " + ags);
        var versionId = await KompendiumAsync(factory);
        var assessment = await Build(seed, municipality, isb, versionId, "Check 2026", state).BuildAsync();
        return new WorkbookScenario(seed, municipality, isb, assessment.Id, versionId);
    }

    public static AssessmentSeed.Builder Build(AssessmentSeed seed, Municipality municipality, ApplicationUser isb, int versionId, string title, AssessmentState state) =>
        seed.Assessment(municipality, isb)
            .OnCatalogVersion(versionId)
            .WithApproach(Approach.Standard)
            .Titled(title)
            .WithTarget(Verbund, "ISMS.1")
            .WithTarget(Server, "SYS.2.1")
            .Answer("ISMS.1.A1", Verbund, AnswerStatus.Ja)
            .Answer("ISMS.1.A2", Verbund, AnswerStatus.Nein)
            .Answer("SYS.2.1.A1", Server, AnswerStatus.Ja)
            .Answer("SYS.2.1.A4", Server, AnswerStatus.Entbehrlich)
            .InState(state);

    public Task<HttpClient> SignInAsync() => Seed.SignInAsync(Isb);

    public static string Page(Guid id) => $"/Assessments/{id}/Workbook";

    public static string Download(Guid id) => $"/Assessments/{id}/Workbook?handler=Download";

    public static async Task<byte[]> DownloadAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync(Download(id));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// Posts the upload form of <paramref name="formPage"/> (hidden fields: anti-forgery token) to the upload handler of
    /// <paramref name="target"/>, in <paramref name="culture"/> when given (e.g. "en").
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid target, byte[] content, string fileName = "Fragebogen.xlsx", Guid? formPage = null, string? culture = null)
    {
        var page = await Html.GetDocumentAsync(client, Page(formPage ?? target) + (culture is null ? "" : "?culture=" + culture));
        var form = (IHtmlFormElement)(page.QuerySelector("#upload-form") ?? throw new InvalidOperationException("No upload form."));
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body.Add(file, "upload", fileName);
        return await client.PostAsync($"{Page(target)}?handler=Upload" + (culture is null ? "" : "&culture=" + culture), body);
    }

    /// <summary>What must stay the same when an upload is refused: every answer with version and history size, and no pending import.</summary>
    public async Task<string> StateAsync() => await StateAsync(Seed.Factory, Id);

    public static async Task<string> StateAsync(GrundschutzWebFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var answers = await db.Answers.AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == id)
            .Select(a => new { a.RequirementId, a.TargetObjectId, a.Status, a.Version, a.Justification, History = a.History.Count })
            .ToListAsync();
        var pending = await db.PendingWorkbookImports.CountAsync(p => p.AssessmentId == id);
        return string.Join("\n", answers.OrderBy(a => a.RequirementId, StringComparer.Ordinal).ThenBy(a => a.TargetObjectId)
            .Select(a => $"{a.RequirementId}|{a.TargetObjectId}|{a.Status}|{a.Version}|{a.Justification}|{a.History}")) + $"\npending={pending}";
    }

    /// <summary>The error summary's text of a page (empty when there is none).</summary>
    public static string Errors(IHtmlDocument page) => page.QuerySelector("#error-summary")?.TextContent ?? "";
}
