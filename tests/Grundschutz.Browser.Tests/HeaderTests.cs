using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The header's two buttons in a real browser: the language switch (to English and back, on the same page, signed in)
/// and „Abmelden“. Both are forms that post with the anti-forgery token; without it they answered 400.
/// </summary>
public sealed class HeaderTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public HeaderTests(BrowserHost host) => _host = host;

    [SkippableFact]
    public async Task LanguageSwitchAndSignOut_WorkFromAnyPage()
    {
        _host.RequireBrowser();
        var page = await _host.SignedInPageAsync("demo-pruefer");
        await page.GotoAsync("/Catalog");
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("#language-switch");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'", null, new() { Timeout = 15_000 });
        Assert.EndsWith("/Catalog", page.Url, StringComparison.Ordinal);
        Assert.Equal("Deutsch", (await page.InnerTextAsync("#language-switch")).Trim());

        await page.ClickAsync("#language-switch");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'de'", null, new() { Timeout = 15_000 });
        Assert.EndsWith("/Catalog", page.Url, StringComparison.Ordinal);

        await page.ClickAsync("#logout-button");
        await page.WaitForSelectorAsync("#login-link", new() { Timeout = 15_000 });
        var response = await page.GotoAsync("/Assessments");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
    }
}
