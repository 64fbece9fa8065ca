using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>axe-core (WCAG 2.1 A/AA rules) on the catalogue pages, plus keyboard and language checks.</summary>
public sealed class CatalogAccessibilityTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public CatalogAccessibilityTests(BrowserHost host) => _host = host;

    [SkippableTheory]
    [InlineData("/", "start")]
    [InlineData("/Catalog", "catalog-index")]
    [InlineData("/Catalog/Search?q=Datensicherung", "catalog-search")]
    [InlineData("/Account/Login", "login")]
    public async Task Page_HasNoAxeViolations(string path, string name)
    {
        _host.RequireBrowser();
        var page = await _host.NewPageAsync();

        await page.GotoAsync(path);

        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page, name);
    }

    [SkippableFact]
    public async Task CatalogTreeGroupAndRequirement_HaveNoAxeViolations()
    {
        _host.RequireBrowser();
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/Catalog");
        await page.Locator("main a[href^='/Catalog/Versions/']").First.ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "catalog-version");

        // Groups sit in collapsed <details>; follow the link as a keyboard user would after expanding.
        await page.GotoAsync((await page.Locator("main a[href*='/Groups/']").First.GetAttributeAsync("href"))!);
        await Axe.AssertNoViolationsAsync(page, "catalog-group");

        // A practice lists its topics; the topic lists the requirements.
        await page.GotoAsync((await page.Locator("main table a[href*='/Groups/']").First.GetAttributeAsync("href"))!);
        await Axe.AssertNoViolationsAsync(page, "catalog-topic");

        await page.GotoAsync((await page.Locator("main a[href*='/Requirements/']").First.GetAttributeAsync("href"))!);
        await Axe.AssertNoViolationsAsync(page, "catalog-requirement");
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#statement").TextContentAsync()));
    }

    [SkippableFact]
    public async Task SkipLink_IsFirstTabStopAndFocusIsVisible()
    {
        _host.RequireBrowser();
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/Catalog/Search");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        Assert.Equal("Zum Inhalt springen", focused);
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [SkippableFact]
    public async Task Search_ByKeyboardOnly_FindsDemoRequirement()
    {
        _host.RequireBrowser();
        var page = await _host.NewPageAsync(390, 844);
        await page.GotoAsync("/Catalog/Search");

        await page.Locator("#search-form input[type=search], #search-form input[name=q]").First.FocusAsync();
        await page.Keyboard.TypeAsync("datensicherung");
        await page.Keyboard.PressAsync("Enter");
        await BrowserHost.WaitForPageAsync(page, url => url.Contains("/Catalog/Search?", StringComparison.Ordinal));

        await BrowserHost.ScreenshotAsync(page, "search-phone");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("TEC.1.1", text, StringComparison.Ordinal);
    }
}
