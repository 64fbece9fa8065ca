using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Assessments;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Account;

/// <summary>
/// WCAG 2.2.1 (time limits): a signed-in page carries the session dialog with the time its session has left; the
/// script asks <c>/Account/Session</c> before it warns – a question that must not renew the session, or a page left open
/// would never be signed out – and „Angemeldet bleiben“ renews it for the full length. The fixture's clock belongs to
/// this class alone.
/// </summary>
public sealed class SessionTimeoutTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    private const string Password = "Sitzungsende-Passwort-1";
    private static readonly int FullLength = (int)TimeSpan.FromHours(8).TotalSeconds;

    [Fact]
    public async Task SignedInPage_CarriesTheSessionDialog_WithTheTimeLeftAndTheWayBack()
    {
        var user = await factory.CreateUserAsync("sitzung-dialog", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        var page = await Html.GetDocumentAsync(client, "/Assessments?seite=2");
        var dialog = page.GetElementById("session-dialog")!;
        Assert.Equal("dialog", dialog.LocalName);
        Assert.Equal("alertdialog", dialog.GetAttribute("role"));
        Assert.False(dialog.HasAttribute("open"), "The script opens it; without script it stays closed.");
        Assert.Equal(FullLength, Seconds(dialog));
        Assert.Equal("300", dialog.GetAttribute("data-warn-seconds"));
        Assert.Equal("/Account/Session", dialog.GetAttribute("data-status-url"));
        Assert.Equal("Ihre Sitzung läuft bald ab", page.GetElementById(dialog.GetAttribute("aria-labelledby")!)!.TextContent);
        Assert.Contains("nach 8 Stunden ohne Aktivität abgemeldet", page.GetElementById(dialog.GetAttribute("aria-describedby")!)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("{0}", dialog.GetAttribute("data-end-template"), StringComparison.Ordinal);

        // „Angemeldet bleiben“ is a real form with the anti-forgery token, posting to the session page.
        var extend = (IHtmlFormElement)page.GetElementById("session-extend-form")!;
        Assert.Equal("/Account/Session", new Uri(extend.Action).AbsolutePath);
        Assert.NotNull(extend.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Angemeldet bleiben", page.GetElementById("session-extend")!.TextContent);

        // After the end: sign in again in a new tab, back to this very page.
        var login = page.GetElementById("session-login")!;
        Assert.Equal("_blank", login.GetAttribute("target"));
        Assert.Contains("(öffnet in neuem Tab)", login.TextContent, StringComparison.Ordinal);
        var returnUrl = QueryValue(new Uri(new Uri("https://localhost"), login.GetAttribute("href")), "ReturnUrl");
        Assert.Equal("/Assessments?seite=2", returnUrl);
        Assert.True(page.GetElementById("session-expired")!.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/session.js']"));

        // The logout and language forms may be sent after the end; the script holds back every other form.
        Assert.True(page.QuerySelector("form[action='/Account/Logout']")!.HasAttribute("data-session-free"));
        Assert.True(page.QuerySelector("form[action='/Culture']")!.HasAttribute("data-session-free"));

        // Time passes without a renewal (the security-stamp check is not due within the minute): the page says less.
        factory.Time.Advance(TimeSpan.FromSeconds(40));
        var later = await Html.GetDocumentAsync(client, "/Assessments");
        Assert.Equal(FullLength - 40, Seconds(later.GetElementById("session-dialog")!));
    }

    [Fact]
    public async Task PageWithoutSession_HasNoSessionDialog()
    {
        var page = await Html.GetDocumentAsync(factory.CreateBrowserClient(), "/Account/Login");

        Assert.Null(page.GetElementById("session-dialog"));
        Assert.Null(page.QuerySelector("script[src^='/js/session.js']"));
    }

    [Fact]
    public async Task Status_TellsTheTimeLeft_WithoutRenewingTheSession_SoAnOpenPageIsSignedOut()
    {
        var user = await factory.CreateUserAsync("sitzung-status", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        factory.Time.Advance(TimeSpan.FromHours(2));
        var status = await client.GetAsync("/Account/Session");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("no-store", status.Headers.CacheControl!.ToString());
        Assert.False(SetsAuthCookie(status), "Asking must not renew the session.");
        Assert.Equal((true, FullLength - 7200), await StateAsync(status));

        factory.Time.Advance(TimeSpan.FromMinutes(5 * 60 + 55));
        Assert.Equal((true, 300), await StateAsync(await client.GetAsync("/Account/Session")));

        factory.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var ended = await client.GetAsync("/Account/Session");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode); // an answer for the script, no redirect to the login page
        Assert.Equal((false, 0), await StateAsync(ended));

        var page = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_RenewsTheSession_ForTheFullLength()
    {
        var user = await factory.CreateUserAsync("sitzung-aktiv", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        factory.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal((true, 3600), await StateAsync(await client.GetAsync("/Account/Session")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Assessments")).StatusCode);

        Assert.Equal((true, FullLength), await StateAsync(await client.GetAsync("/Account/Session")));
        factory.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Assessments")).StatusCode);
    }

    [Fact]
    public async Task StayingSignedIn_RenewsForTheFullLength_OnlyWithTheFormsToken()
    {
        var user = await factory.CreateUserAsync("sitzung-bleiben", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);
        var page = await Html.GetDocumentAsync(client, "/Assessments");
        factory.Time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(3));

        Assert.Equal((true, 180), await StateAsync(await client.GetAsync("/Account/Session")));

        var extended = await Html.SubmitAsync(client, (IHtmlFormElement)page.GetElementById("session-extend-form")!);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.True(SetsAuthCookie(extended));
        Assert.Equal((true, FullLength), await StateAsync(extended));
        Assert.Equal((true, FullLength), await StateAsync(await client.GetAsync("/Account/Session")));

        // The old end has passed; the session goes on.
        factory.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Assessments")).StatusCode);
    }

    [Fact]
    public async Task StayingSignedIn_WithoutTheFormsToken_IsRefused()
    {
        var user = await factory.CreateUserAsync("sitzung-ohne-token", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        // Like every POST without the token (anti-forgery). Any request of the signed-in browser counts as activity
        // (a cross-site one carries no sign-in cookie: SameSite), so the point here is the refusal, not the clock.
        var forged = await client.PostAsync("/Account/Session", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("application/json", forged.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutSession_StatusAndStayingSignedIn_AnswerNotSignedIn()
    {
        var client = factory.CreateBrowserClient();

        var status = await client.GetAsync("/Account/Session");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal((false, 0), await StateAsync(status));

        // With a valid token of an anonymous page (the login form): still no session to renew.
        var login = await Html.GetDocumentAsync(client, "/Account/Login");
        var token = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync("/Account/Session", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.False(SetsAuthCookie(post));
        Assert.Equal((false, 0), await StateAsync(post));
    }

    [Fact]
    public async Task AfterTheEnd_SigningInAgain_TheOpenPagesAnswerIsSaved()
    {
        // What the dialog promises: the page stays open, the user signs in again in another tab, comes back and saves.
        var tenant = await TenantWithAssessmentAsync(factory, "05100099", "Sitzungsstadt", b => b.Answer("ORG.1.2", Target, AnswerStatus.Ja));
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        factory.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.Equal((false, 0), await StateAsync(await client.GetAsync("/Account/Session")));

        // Signing in again in another tab of the same browser: the new sign-in cookie serves every tab.
        await Html.LoginAsync(client, tenant.Isb.UserName!, AssessmentSeed.Password);
        var response = await SaveAsync(client, page, new()
        {
            ["Input.Status"] = "Ja",
            ["Input.ImplementationDescription"] = "Nach erneuter Anmeldung gespeichert.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = await Html.FollowRedirectAsync(client, response);
        Assert.Contains("ORG.1.1", next.GetElementById("status-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheEnd_SendingAForm_TheLoginSaysItWasNotSaved_AndLeadsBackToThePage()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100098", "Abgelaufenstadt");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        Assert.Contains("handler=Save", Form(page, "question-form").Action, StringComparison.Ordinal);
        factory.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        var sent = await SaveAsync(client, page, new() { ["Input.Status"] = "Ja" });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var login = new Uri(new Uri("https://localhost"), sent.Headers.Location!);
        Assert.Equal("/Account/Login", login.AbsolutePath);
        Assert.Equal(Question(tenant.Id, 0), QueryValue(login, "ReturnUrl")); // the page, not its save handler
        Assert.Equal("senden", QueryValue(login, "abgelaufen"));
        var loginPage = await Html.GetDocumentAsync(client, login.PathAndQuery);
        var message = loginPage.GetElementById("session-ended")!;
        Assert.Contains("Ihre Sitzung ist abgelaufen", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("Was Sie zuletzt abgeschickt haben, wurde nicht gespeichert.", message.TextContent, StringComparison.Ordinal);
        Assert.Equal("autofocus", message.GetAttribute("autofocus"));

        // Signed in through that very form: back on the question, which is still open (nothing was saved).
        var signedIn = await Html.SubmitAsync(client, (IHtmlFormElement)loginPage.GetElementById("login-form")!, new Dictionary<string, string>
        {
            ["Input.UserName"] = tenant.Isb.UserName!,
            ["Input.Password"] = AssessmentSeed.Password,
        });
        Assert.Equal(Question(tenant.Id, 0), signedIn.Headers.Location!.OriginalString);
        var back = await Html.FollowRedirectAsync(client, signedIn);
        Assert.True(((IHtmlInputElement)back.GetElementById("Input_Status_Open")!).IsChecked);
    }

    [Fact]
    public async Task AfterTheEnd_OpeningAPage_TheLoginSaysTheSessionEnded_WithoutAnythingLost()
    {
        var user = await factory.CreateUserAsync("sitzung-ende-get", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);
        factory.Time.Advance(TimeSpan.FromHours(9));

        var response = await client.GetAsync("/Assessments?seite=2");

        var login = new Uri(new Uri("https://localhost"), response.Headers.Location!);
        Assert.Equal("/Assessments?seite=2", QueryValue(login, "ReturnUrl"));
        Assert.Equal("1", QueryValue(login, "abgelaufen"));
        var page = await Html.GetDocumentAsync(client, login.PathAndQuery);
        Assert.Contains("Ihre Sitzung ist abgelaufen", page.GetElementById("session-ended")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("session-ended-unsaved"));

        // Someone who was never signed in (no sign-in cookie) gets the plain login page.
        var stranger = await factory.CreateBrowserClient().GetAsync("/Assessments");
        var plain = new Uri(new Uri("https://localhost"), stranger.Headers.Location!);
        Assert.Null(QueryValue(plain, "abgelaufen"));
        Assert.Null((await Html.GetDocumentAsync(client, plain.PathAndQuery)).GetElementById("session-ended"));
    }

    [Fact]
    public async Task AfterTheEnd_Abmelden_SaysThatTheUserIsSignedOut_InsteadOfAnInvalidRequest()
    {
        var user = await factory.CreateUserAsync("sitzung-ende-abmelden", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);
        var page = await Html.GetDocumentAsync(client, "/Assessments");
        factory.Time.Advance(TimeSpan.FromHours(9));

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#logout-button")!.Closest("form")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await Html.FollowRedirectAsync(client, response);
        Assert.Equal("Ihre Sitzung war bereits beendet – Sie sind abgemeldet.", home.GetElementById("status-message")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Assessments")).StatusCode);
    }

    [Fact]
    public async Task Abmelden_OfASignedInUser_StillNeedsTheFormsToken()
    {
        var user = await factory.CreateUserAsync("abmelden-ohne-token", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Assessments")).StatusCode);
        var page = await Html.GetDocumentAsync(client, "/Assessments");
        var signedOut = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#logout-button")!.Closest("form")!);
        Assert.Equal("Sie wurden abgemeldet.", (await Html.FollowRedirectAsync(client, signedOut)).GetElementById("status-message")!.TextContent.Trim());
    }

    [Fact]
    public async Task AfterTheEnd_TheLanguageSwitch_StillWorks()
    {
        var user = await factory.CreateUserAsync("sitzung-ende-sprache", Password, Roles.Isb);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);
        var page = await Html.GetDocumentAsync(client, "/Assessments");
        factory.Time.Advance(TimeSpan.FromHours(9));

        var button = (IHtmlElement)page.GetElementById("language-switch")!;
        var response = await Html.SubmitAsync(client, (IHtmlFormElement)button.Closest("form")!, new Dictionary<string, string>(), button);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Assessments", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));

        // Without a token it is refused as before – signed in, and never signed in (no sign-in cookie).
        var signedIn = factory.CreateBrowserClient();
        await Html.LoginAsync(signedIn, user.UserName!, Password);
        var forged = new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.BadRequest, (await signedIn.PostAsync("/Culture", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateBrowserClient().PostAsync("/Culture", forged)).StatusCode);
    }

    private static int Seconds(AngleSharp.Dom.IElement dialog) =>
        int.Parse(dialog.GetAttribute("data-seconds")!, CultureInfo.InvariantCulture);

    private static async Task<(bool Authenticated, long Seconds)> StateAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("authenticated").GetBoolean(), json.RootElement.GetProperty("seconds").GetInt64());
    }

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("grundschutz.auth=", StringComparison.Ordinal));

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => string.Equals(Uri.UnescapeDataString(p[0]), name, StringComparison.OrdinalIgnoreCase))
            .Select(p => Uri.UnescapeDataString(p[1]))
            .SingleOrDefault();
}

/// <summary>An operator's shorter session (<c>Security:SessionMinutes</c>): the dialog tells it and warns in time.</summary>
public sealed class ShortSessionTests : IClassFixture<ShortSessionTests.ShortSessionFactory>
{
    private const string Password = "Kurze-Sitzung-Passw0rt";
    private readonly ShortSessionFactory _factory;

    public ShortSessionTests(ShortSessionFactory factory) => _factory = factory;

    [Fact]
    public async Task ConfiguredLength_IsTheSessionsLength_AndTheDialogSaysIt()
    {
        var user = await _factory.CreateUserAsync("kurze-sitzung", Password, Roles.Isb);
        var client = _factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        var page = await Html.GetDocumentAsync(client, "/Assessments");
        var dialog = page.GetElementById("session-dialog")!;
        Assert.Equal("1800", dialog.GetAttribute("data-seconds"));
        Assert.Equal("300", dialog.GetAttribute("data-warn-seconds"));
        Assert.Contains("nach 30 Minuten ohne Aktivität", page.GetElementById("session-warning-text")!.TextContent, StringComparison.Ordinal);

        var english = await Html.GetDocumentAsync(client, Html.English("/Assessments"));
        Assert.Contains("after 30 minutes without activity", english.GetElementById("session-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Stay signed in", english.GetElementById("session-extend")!.TextContent);

        _factory.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Assessments")).StatusCode);
    }

    public sealed class ShortSessionFactory : GrundschutzWebFactory
    {
        public ShortSessionFactory() => Settings["Security:SessionMinutes"] = "30";
    }
}
