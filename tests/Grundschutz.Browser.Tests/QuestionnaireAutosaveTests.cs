using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The questionnaire's autosave in a real browser: a manual „Speichern und weiter“ while an autosave of the same form
/// is still on its way must not be refused as a conflict with the user's own autosave (found by the keyboard test on a
/// loaded machine). The autosave request is held back on purpose so the race happens every time.
/// </summary>
public sealed class QuestionnaireAutosaveTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public QuestionnaireAutosaveTests(BrowserHost host) => _host = host;

    [SkippableFact]
    public async Task ManualSave_WhileAnAutosaveIsOnItsWay_WaitsForItAndMovesOn()
    {
        _host.RequireBrowser();
        var page = await _host.SignedInPageAsync("demo-isb");
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;
        await page.GotoAsync(overviewUrl + "/Questions");
        var question = page.Url;

        // Every autosave reaches the server at once, but its answer comes back to the page 1.5 s later: the manual
        // save below always comes after the server saved the autosave and before the page knows the new version.
        var autosaves = 0;
        await page.RouteAsync("**/Questions/**", async route =>
        {
            if (route.Request.Method == "POST" && route.Request.Headers.ContainsKey("x-autosave"))
            {
                Interlocked.Increment(ref autosaves);
                var response = await route.FetchAsync();
                await Task.Delay(1500);
                await route.FulfillAsync(new() { Response = response });
                return;
            }

            await route.ContinueAsync();
        });

        var text = "Umgesetzt, gespeichert während des automatischen Speicherns " + Guid.NewGuid().ToString("N")[..8];
        var autosave = page.WaitForRequestAsync(r => r.Method == "POST" && r.Headers.ContainsKey("x-autosave"), new() { Timeout = 15_000 });
        await page.CheckAsync("input[name='Input.Status'][value='Ja']");
        await page.FillAsync("#Input_ImplementationDescription", text);
        await autosave;
        await page.WaitForTimeoutAsync(500);
        await page.ClickAsync("#save-next");

        await BrowserHost.WaitForPageAsync(page, url => url != question, 15_000);
        Assert.Equal(0, await page.Locator("#conflict").CountAsync());
        Assert.Contains("/Questions/", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, autosaves);

        // Saved once by the autosave; the manual save found nothing new (no second history entry for the text).
        await page.UnrouteAllAsync();
        await page.GotoAsync(question);
        Assert.Equal(text, await page.InputValueAsync("#Input_ImplementationDescription"));
        var history = await page.Locator("#answer-history tbody tr").AllInnerTextsAsync();
        Assert.Equal(1, history.Count(row => row.Contains(text, StringComparison.Ordinal)));
    }
}
