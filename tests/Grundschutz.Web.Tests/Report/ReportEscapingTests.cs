using System.Net;
using AngleSharp.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Report;

/// <summary>
/// User text in a target-object name, a justification and an owner comes out as literal text on the report page and
/// in the downloaded report: no script, link, image or emphasis is made from it.
/// </summary>
public sealed class ReportEscapingTests : IAsyncLifetime, IDisposable
{
    private const string Evil = "<script>alert(1)</script> [x](javascript:alert(1)) ![](http://evil/x.png) **bold** | # _x_ `c` http://evil.example";

    private readonly GrundschutzWebFactory _factory = new();
    private AssessmentSeed _seed = null!;
    private HttpClient _client = null!;
    private Guid _id;

    public async Task InitializeAsync()
    {
        _seed = new AssessmentSeed(_factory);
        var (bonn, isb) = await _seed.TenantAsync("05314000", "Bonn");
        var assessment = await _seed.Assessment(bonn, isb)
            .WithTarget(Evil, "TEC.1")
            .Answer("TEC.1.1", Evil, AnswerStatus.Nein, adjust: a => a with { Justification = Evil, ImplementationDescription = null, Owner = "**Fett** <b>x</b>" })
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        _id = assessment.Id;
        _client = await _seed.SignInAsync(isb);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Page_UserTextInTargetNameAndJustification_IsLiteralText()
    {
        var page = await Html.GetDocumentAsync(_client, ReportUrls.Page(_id));

        AssertInert(page);
        var row = page.QuerySelector("#action-plan tbody tr")!;
        Assert.Contains(Evil, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("**Fett** <b>x</b>", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UserTextInTargetNameAndJustification_IsLiteralText()
    {
        var response = await _client.GetAsync(ReportUrls.Download(_id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var document = await Html.ParseAsync(response);

        AssertInert(document);
        var planRow = document.QuerySelectorAll("tr").First(tr => tr.Children.Length > 1 && tr.Children[1].TextContent.Trim() == "TEC.1.1");
        var cells = planRow.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(Evil, cells);
        Assert.Contains("**Fett** <b>x</b>", cells);
        var blocker = document.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).First(t => t.StartsWith("TEC.1.1", StringComparison.Ordinal));
        Assert.StartsWith($"TEC.1.1 × {Evil} (", blocker, StringComparison.Ordinal);
    }

    /// <summary>
    /// No script, link or image that did not come from the app, no emphasis or code made from user text. The report page
    /// carries the app's own session script (an external file under /js/, like every signed-in page); the downloaded
    /// report has none.
    /// </summary>
    private static void AssertInert(IDocument document)
    {
        Assert.All(document.QuerySelectorAll("script"), script =>
        {
            Assert.StartsWith("/js/session.js?", script.GetAttribute("src") ?? "", StringComparison.Ordinal);
            Assert.True(string.IsNullOrWhiteSpace(script.TextContent), script.OuterHtml);
        });
        Assert.All(document.QuerySelectorAll("img"), img =>
        {
            var src = img.GetAttribute("src") ?? "";
            Assert.True(src.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || src.StartsWith("/Assessments/", StringComparison.Ordinal), src);
        });
        Assert.All(document.QuerySelectorAll("a"), a =>
        {
            var href = a.GetAttribute("href") ?? "";
            Assert.DoesNotContain("javascript", href, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("evil", href, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(document.QuerySelectorAll("strong, em, code, b"), e => e.TextContent.Contains("bold", StringComparison.Ordinal)
            || e.TextContent == "x" || e.TextContent == "c" || e.TextContent.Contains("Fett", StringComparison.Ordinal));
    }
}
