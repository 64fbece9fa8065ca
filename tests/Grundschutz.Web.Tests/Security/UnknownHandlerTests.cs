using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// Requests that select none of a page's handlers (a POST to a page that only shows something, a handler name the
/// page does not have) are answered with the 404 page – they used to render the page without its data: an error (500)
/// on the assessment pages, an empty list („0 Benutzer“) elsewhere.
/// </summary>
public sealed class UnknownHandlerTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task Post_WithoutMatchingHandler_NotFoundPage_NothingChanged()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05958044", "Sundern (Sauerland)");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server", "TEC.1").InState(AssessmentState.InProgress).BuildAsync();
        var client = await seed.SignInAsync(isb);
        var overview = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}");
        var token = ((IHtmlInputElement)overview.QuerySelector("input[name='__RequestVerificationToken']")!).Value;

        foreach (var url in new[]
                 {
                     $"/Assessments/{assessment.Id}?handler=Unbekannt",
                     $"/Assessments/{assessment.Id}",
                     $"/Assessments/{assessment.Id}/Scope",
                     $"/Assessments/{assessment.Id}/Questions/0",
                     $"/Assessments/{assessment.Id}/Report",
                     "/Assessments",
                     "/Catalog",
                 })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} → {(int)response.StatusCode}");
            var page = await Html.ParseAsync(response);
            Assert.Equal("Seite nicht gefunden", page.QuerySelector("h1")!.TextContent.Trim());
        }

        // The pages themselves still work, and the assessment is as it was.
        var again = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}");
        Assert.Equal(overview.QuerySelector("h1")!.TextContent, again.QuerySelector("h1")!.TextContent);
    }
}
