using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// In a real browser what a screen reader is told after a form was sent (WCAG 4.1.3, 3.3.1): the page that comes back
/// puts the focus on its message – the error summary, the status message – so it is read at once, and Tab goes on from
/// there (to the summary's first link to a field). The autosave of the questionnaire reports a failure in an
/// assertive region (<c>role="alert"</c>), which interrupts the typing echo, not in the polite one that only says
/// „Gespeichert“.
/// </summary>
public sealed class AnnouncementFocusTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public AnnouncementFocusTests(BrowserHost host) => _host = host;

    [SkippableFact]
    public async Task Login_Refused_ErrorSummaryHasTheFocusAndTabLeadsToItsFirstLink()
    {
        _host.RequireBrowser();
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Assert.NotEqual("error-summary", await ActiveIdAsync(page));

        await page.ClickAsync("#login-submit");
        await page.Locator("#error-summary").WaitForAsync();
        await BrowserHost.WaitForPageAsync(page, _ => true);

        Assert.Equal("error-summary", await ActiveIdAsync(page));
        Assert.StartsWith("Fehler:", await page.TitleAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        Assert.Contains(await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"), new[] { "#Input_UserName", "#Input_Password" });
    }

    [SkippableFact]
    public async Task Question_Saved_StatusMessageHasTheFocus()
    {
        _host.RequireBrowser();
        var page = await _host.SignedInPageAsync("demo-isb");
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;
        await page.GotoAsync(overviewUrl + "/Questions/0");

        await page.CheckAsync("input[name='Input.Status'][value='Ja']");
        await page.ClickAsync("#save-stay");
        await page.Locator("#status-message").WaitForAsync();
        await BrowserHost.WaitForPageAsync(page, _ => true);

        Assert.Equal("status-message", await ActiveIdAsync(page));
    }

    [SkippableFact]
    public async Task Question_AutosaveFails_FailureIsInTheAlertRegion()
    {
        _host.RequireBrowser();
        var page = await _host.SignedInPageAsync("demo-isb");
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;
        await page.GotoAsync(overviewUrl + "/Questions/1");
        await page.RouteAsync("**/Questions/**", async route =>
        {
            if (route.Request.Method == "POST" && route.Request.Headers.ContainsKey("x-autosave"))
            {
                await route.FulfillAsync(new() { Status = 500, ContentType = "text/plain", Body = "kaputt" });
                return;
            }

            await route.ContinueAsync();
        });

        await page.FillAsync("#Input_Interviewees", "Herr Muster");
        var alert = page.Locator("#autosave-alert");
        await Assertions.Expect(alert).ToHaveTextAsync("Automatisches Speichern fehlgeschlagen. Bitte „Speichern“ wählen.", new() { Timeout = 15_000 });
        Assert.Equal("alert", await alert.GetAttributeAsync("role"));
        Assert.Equal("", (await page.Locator("#autosave-status").TextContentAsync())?.Trim());
    }

    private static Task<string> ActiveIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");
}
