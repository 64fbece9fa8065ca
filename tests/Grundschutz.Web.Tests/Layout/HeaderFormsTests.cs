using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Layout;

/// <summary>The two forms in every page's header – the language switch and „Abmelden“ – submitted as a browser does.</summary>
public sealed class HeaderFormsTests : IClassFixture<GrundschutzWebFactory>
{
    private readonly GrundschutzWebFactory _factory;

    public HeaderFormsTests(GrundschutzWebFactory factory) => _factory = factory;

    [Fact]
    public async Task LanguageSwitch_Anonymous_SwitchesToEnglishAndBackOnTheSamePage()
    {
        var client = _factory.CreateBrowserClient();
        var login = await Html.GetDocumentAsync(client, "/Account/Login?ReturnUrl=%2FAssessments");
        Assert.Equal("de", login.DocumentElement.GetAttribute("lang"));

        var toEnglish = await SubmitLanguageSwitchAsync(client, login);
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FAssessments", toEnglish.Headers.Location!.OriginalString);

        var english = await Html.FollowRedirectAsync(client, toEnglish);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Deutsch", english.QuerySelector("#language-switch")!.TextContent.Trim());

        var german = await Html.FollowRedirectAsync(client, await SubmitLanguageSwitchAsync(client, english));
        Assert.Equal("de", german.DocumentElement.GetAttribute("lang"));
        Assert.Equal("English", german.QuerySelector("#language-switch")!.TextContent.Trim());
    }

    [Fact]
    public async Task LanguageSwitch_SignedIn_KeepsTheSessionAndTheLanguage()
    {
        await _factory.CreateUserAsync("header-lang", "Sprach-Passwort-1", Roles.Isb);
        var client = _factory.CreateBrowserClient();
        await Html.LoginAsync(client, "header-lang", "Sprach-Passwort-1");
        var page = await Html.GetDocumentAsync(client, "/Assessments");

        var english = await Html.FollowRedirectAsync(client, await SubmitLanguageSwitchAsync(client, page));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(english.QuerySelector("#logout-button"));

        var next = await Html.GetDocumentAsync(client, "/Assessments");
        Assert.Equal("en", next.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task LanguageSwitch_ForeignReturnUrl_StaysOnThisSite()
    {
        var client = _factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        var form = (IHtmlFormElement)page.QuerySelector("#language-switch")!.Closest("form")!;
        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["returnUrl"] = "https://example.org/phish" }, (IHtmlButtonElement)page.QuerySelector("#language-switch")!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>An address longer than any of the app's own is not returned to (following it would fail with HTTP 414).</summary>
    [Theory]
    [InlineData(2048, true)]
    [InlineData(2049, false)]
    public async Task LanguageSwitch_OverlongReturnUrl_GoesHome(int length, bool kept)
    {
        var client = _factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        var form = (IHtmlFormElement)page.QuerySelector("#language-switch")!.Closest("form")!;
        var returnUrl = "/Catalog/Search?q=" + new string('a', length - "/Catalog/Search?q=".Length);

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["returnUrl"] = returnUrl }, (IHtmlButtonElement)page.QuerySelector("#language-switch")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(kept ? returnUrl : "/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_FromTheHeader_EndsTheSession()
    {
        await _factory.CreateUserAsync("header-logout", "Abmelde-Passwort-1", Roles.Isb);
        var client = _factory.CreateBrowserClient();
        await Html.LoginAsync(client, "header-logout", "Abmelde-Passwort-1");
        var page = await Html.GetDocumentAsync(client, "/Assessments");
        var form = (IHtmlFormElement)page.QuerySelector("#logout-button")!.Closest("form")!;

        var response = await Html.SubmitAsync(client, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SubmitLanguageSwitchAsync(HttpClient client, IHtmlDocument page)
    {
        var button = (IHtmlButtonElement)page.QuerySelector("#language-switch")!;
        return Html.SubmitAsync(client, (IHtmlFormElement)button.Closest("form")!, submitter: button);
    }
}
