using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// WCAG 2.2.1 in a real browser: shortly before the sign-in session ends, a modal dialog asks whether to stay signed in
/// (keyboard: the focus is on „Angemeldet bleiben“, Enter renews the session without leaving the page, the focus goes
/// back where it was); after the end it says so, keeps the page's forms from being sent into the login redirect and,
/// once the user has signed in again elsewhere, lets them save what they typed. The browser's clock is Playwright's
/// (hours pass in an instant); the server's answer about the session is stubbed where the test needs the server's
/// clock to have moved too – the server side is covered by the web tests (SessionTimeoutTests).
/// </summary>
public sealed class SessionDialogTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public SessionDialogTests(BrowserHost host) => _host = host;

    [SkippableFact]
    public async Task BeforeTheEnd_StayingSignedInByKeyboard_RenewsAndReturnsTheFocus()
    {
        _host.RequireBrowser();
        var page = await _host.SignedInPageAsync("demo-isb");
        await page.Clock.InstallAsync();
        var serverSays = "{\"authenticated\":true,\"seconds\":240}";
        await page.RouteAsync("**/Account/Session", async route =>
        {
            if (route.Request.Method == "GET" && serverSays is not null)
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = serverSays });
                return;
            }

            await route.ContinueAsync();
        });
        await page.GotoAsync("/Assessments");
        await BrowserHost.WaitForPageAsync(page, _ => true);
        await page.FocusAsync("#nav-catalog");
        Assert.False(await page.Locator("#session-dialog").IsVisibleAsync());

        await page.Clock.FastForwardAsync("07:55:01");

        var dialog = page.Locator("#session-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("session-extend", await ActiveIdAsync(page));
        Assert.Equal("Ihre Sitzung läuft bald ab", await page.EvaluateAsync<string>("() => document.getElementById(document.getElementById('session-dialog').getAttribute('aria-labelledby')).textContent"));
        Assert.Matches(@"Ihre Sitzung endet um \d\d:\d\d Uhr\.", await page.Locator("#session-end").TextContentAsync());
        await BrowserHost.ScreenshotAsync(page, "session-warning");
        await Axe.AssertNoViolationsAsync(page, "session-warning");

        // The real server renews the session (its clock has not moved: the full eight hours).
        serverSays = null;
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#session-announcement")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Sie bleiben angemeldet\. Ihre Sitzung endet jetzt um \d\d:\d\d Uhr\.$"));
        Assert.Equal("nav-catalog", await ActiveIdAsync(page));
        Assert.EndsWith("/Assessments", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AfterTheEnd_TheFormIsHeldBack_AndAfterSigningInAgainItSaves()
    {
        _host.RequireBrowser();
        var page = await _host.SignedInPageAsync("demo-isb");
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;
        await page.Clock.InstallAsync();
        var signedIn = false;
        await page.RouteAsync("**/Account/Session", async route =>
        {
            if (route.Request.Method == "GET" && !signedIn)
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "{\"authenticated\":false,\"seconds\":0}" });
                return;
            }

            await route.ContinueAsync();
        });
        // While „signed out“, the autosave fails like it would (the real server still has the session).
        await page.RouteAsync("**/Questions/**", async route =>
        {
            if (route.Request.Method == "POST" && route.Request.Headers.ContainsKey("x-autosave") && !signedIn)
            {
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        await page.GotoAsync(overviewUrl + "/Questions/2");
        await BrowserHost.WaitForPageAsync(page, _ => true);
        var questionUrl = page.Url;
        await page.Clock.FastForwardAsync("07:55:01");

        var dialog = page.Locator("#session-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#session-expired-title")).ToHaveTextAsync("Ihre Sitzung ist abgelaufen");
        Assert.True(await page.Locator("#session-warning").IsHiddenAsync());
        Assert.Equal("session-login", await ActiveIdAsync(page));
        Assert.Equal("_blank", await page.Locator("#session-login").GetAttributeAsync("target"));
        await BrowserHost.ScreenshotAsync(page, "session-expired");
        await Axe.AssertNoViolationsAsync(page, "session-expired");

        // Closed, something typed, then „Speichern“: held back, the dialog says why again; the input stays.
        var typed = "Frau Sitzung " + Guid.NewGuid().ToString("N")[..6];
        await page.ClickAsync("#session-close");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.CheckAsync("input[name='Input.Status'][value='Ja']");
        await page.FillAsync("#Input_Interviewees", typed);
        await page.ClickAsync("#save-stay");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal(questionUrl, page.Url);
        Assert.Equal(typed, await page.InputValueAsync("#Input_Interviewees"));

        // Signed in again in another tab (here: the server answers for the still valid session), back to this one.
        signedIn = true;
        await page.ClickAsync("#session-close");
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
        await Assertions.Expect(page.Locator("#session-announcement")).ToHaveTextAsync("Sie sind wieder angemeldet. Eingaben auf dieser Seite können Sie jetzt speichern.");

        await page.ClickAsync("#save-stay");
        await page.Locator("#status-message").WaitForAsync();
        await BrowserHost.WaitForPageAsync(page, _ => true);
        Assert.Matches(@"^Die Antwort zu \S+ \(.+\) wurde gespeichert\.", (await page.Locator("#status-message").TextContentAsync())!.Trim());
        Assert.Equal(typed, await page.InputValueAsync("#Input_Interviewees"));
    }

    private static Task<string> ActiveIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");
}
