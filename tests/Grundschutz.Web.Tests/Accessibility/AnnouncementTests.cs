using AngleSharp.Html.Dom;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Accessibility;

/// <summary>
/// WCAG 4.1.3 and 3.3.1 for screen-reader users: a message that arrives with a new page (the error summary after a
/// refused form, the status message after post-redirect-get, the conflict on a stale answer) is in the page from the
/// start, so a live region alone is not read out. The page title says „Fehler:“ (heard first on every page load, also
/// without JavaScript) and the message takes the focus (<c>autofocus</c> on a <c>tabindex="-1"</c> element), so that
/// it is read at once and the next Tab continues from it. Exactly one element per page asks for the focus, and a page
/// without news asks for none.
/// </summary>
public sealed class AnnouncementTests(Assessments.QuestionnaireWebFactory factory) : IClassFixture<Assessments.QuestionnaireWebFactory>
{
    [Fact]
    public async Task Login_EmptyFields_TitleSaysErrorAndSummaryTakesTheFocus()
    {
        var client = factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        Assert.Equal("Anmelden – Grundschutz-Check", page.Title);
        Assert.Empty(page.QuerySelectorAll("[autofocus]"));

        var result = await Html.ParseAsync(await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#login-form")!));

        Assert.Equal("Fehler: Anmelden – Grundschutz-Check", result.Title);
        var focused = Assert.Single(result.QuerySelectorAll("[autofocus]"));
        Assert.Equal("error-summary", focused.Id);
        Assert.Equal("-1", focused.GetAttribute("tabindex"));
    }

    [Fact]
    public async Task Login_EmptyFields_English_TitleSaysError()
    {
        var client = factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, Html.English("/Account/Login"));

        var result = await Html.ParseAsync(await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#login-form")!));

        Assert.Equal("en", result.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Error: Sign in – Grundschutz Check", result.Title);
    }

    [Fact]
    public async Task Question_Saved_StatusMessageTakesTheFocus()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100901", "Fokusstadt");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));
        Assert.Empty(page.QuerySelectorAll("[autofocus]"));

        var saved = await Html.FollowRedirectAsync(client, await SaveAsync(client, page, new() { ["Input.Status"] = "Ja" }, "save-stay"));

        Assert.DoesNotContain("Fehler", saved.Title, StringComparison.Ordinal);
        var focused = Assert.Single(saved.QuerySelectorAll("[autofocus]"));
        Assert.Equal("status-message", focused.Id);
        Assert.Equal("-1", focused.GetAttribute("tabindex"));
        Assert.Equal("status", focused.GetAttribute("role"));
    }

    [Fact]
    public async Task Question_RefusedAnswer_SummaryTakesTheFocusAndTitleSaysError()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100902", "Fehlerstadt");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));

        // A cost estimate that is no amount is refused (a missing field would be saved as incomplete, not refused).
        var refused = await Html.ParseAsync(await SaveAsync(client, page, new() { ["Input.Status"] = "Ja", ["Input.CostEstimate"] = "viel" }, "save-stay"));

        Assert.StartsWith("Fehler: TEC.1.1", refused.Title, StringComparison.Ordinal);
        var focused = Assert.Single(refused.QuerySelectorAll("[autofocus]"));
        Assert.Equal("error-summary", focused.Id);
    }

    [Fact]
    public async Task Question_StaleVersion_ConflictTakesTheFocus()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100903", "Konfliktstadt");
        var client = await tenant.SignInAsync();
        var stale = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));
        var fresh = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));
        await Html.FollowRedirectAsync(client, await SaveAsync(client, fresh, new() { ["Input.Status"] = "Ja" }, "save-stay"));

        var conflict = await Html.ParseAsync(await SaveAsync(client, stale, new() { ["Input.Status"] = "Ja", ["Input.ImplementationDescription"] = "Meine Fassung" }, "save-stay"));

        Assert.NotNull(conflict.QuerySelector("#conflict"));
        var focused = Assert.Single(conflict.QuerySelectorAll("[autofocus]"));
        Assert.Equal("conflict", focused.Id);
        Assert.Equal("-1", focused.GetAttribute("tabindex"));
    }
}
