using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Account;

public sealed class LoginTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public LoginTests(GrundschutzWebFactory factory) => _factory = factory;

    [Fact]
    public async Task Login_WrongPassword_ShowsErrorSummaryAndStaysOnPage()
    {
        await _factory.CreateUserAsync("wrong-pw-user", "Richtig-Passwort-1");
        var client = _factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        var form = (IHtmlFormElement)page.QuerySelector("#login-form")!;

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.UserName"] = "wrong-pw-user",
            ["Input.Password"] = "Falsch-Passwort-1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        var summary = result.QuerySelector("#error-summary");
        Assert.NotNull(summary);
        Assert.Contains("Benutzername oder Passwort ist falsch.", summary.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_EmptyFields_ListsBothFieldsInSummaryWithLinks()
    {
        var client = _factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        var form = (IHtmlFormElement)page.QuerySelector("#login-form")!;

        var result = await Html.ParseAsync(await Html.SubmitAsync(client, form));

        // In the order of the page (the summary used to name the password first).
        var links = result.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_UserName", "#Input_Password"], links);
        Assert.NotNull(result.QuerySelector("#Input_UserName"));
    }

    [Fact]
    public async Task Login_FiveFailures_LocksAccount()
    {
        await _factory.CreateUserAsync("lockout-user", "Richtig-Passwort-1");
        var client = _factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            var page = await Html.GetDocumentAsync(client, "/Account/Login");
            await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#login-form")!, new Dictionary<string, string>
            {
                ["Input.UserName"] = "lockout-user",
                ["Input.Password"] = "Falsch-Passwort-" + i,
            });
        }

        // Now even the right password is refused.
        var again = await Html.GetDocumentAsync(client, "/Account/Login");
        var response = await Html.SubmitAsync(client, (IHtmlFormElement)again.QuerySelector("#login-form")!, new Dictionary<string, string>
        {
            ["Input.UserName"] = "lockout-user",
            ["Input.Password"] = "Richtig-Passwort-1",
        });
        var result = await Html.ParseAsync(response);
        Assert.Contains("vorübergehend gesperrt", result.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        await _factory.CreateUserAsync("csrf-user", "Richtig-Passwort-1");
        var client = _factory.CreateBrowserClient();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "csrf-user",
            ["Input.Password"] = "Richtig-Passwort-1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("grundschutz.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AdminPage_Anonymous_RedirectsToLogin()
    {
        var client = _factory.CreateBrowserClient();
        var response = await client.GetAsync("/Admin/Catalogs/Import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_NonAdmin_IsForbidden()
    {
        await _factory.CreateUserAsync("plain-user", "Richtig-Passwort-1");
        var client = _factory.CreateBrowserClient();
        await Html.LoginAsync(client, "plain-user", "Richtig-Passwort-1");
        var response = await client.GetAsync("/Admin/Catalogs/Import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_TooManyAttemptsFromOneAddress_AreRateLimited()
    {
        using var factory = new GrundschutzWebFactory();
        factory.Settings["Security:LoginAttemptsPerMinute"] = "3";
        var client = factory.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var page = await Html.GetDocumentAsync(client, "/Account/Login");
            var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#login-form")!, new Dictionary<string, string>
            {
                ["Input.UserName"] = "niemand",
                ["Input.Password"] = "Falsch-Passwort-" + i,
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
