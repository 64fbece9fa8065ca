using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// axe-core (WCAG 2.1 A/AA rules) on every administration page and the account pages, also with the error summary
/// of a refused form shown; <c>lang="de"</c> on each; a visible focus indicator on the administration forms.
/// </summary>
public sealed class AdminAccessibilityTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public AdminAccessibilityTests(BrowserHost host) => _host = host;

    private Task<IPage> SignedInAsync(string user) => _host.SignedInPageAsync(user);

    private static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page, name);
    }

    [SkippableFact]
    public async Task AdminPages_HaveNoAxeViolations()
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-admin");

        foreach (var (path, name) in new[]
        {
            ("/Admin", "admin-index"),
            ("/Admin/Catalogs/Import", "admin-catalog-import"),
            ("/Admin/Municipalities", "admin-municipalities"),
            ("/Admin/Municipalities?q=Demo", "admin-municipalities-search"),
            ("/Admin/Municipalities/Create", "admin-municipality-create"),
            ("/Admin/Municipalities/Import", "admin-municipality-import"),
            ("/Admin/Users", "admin-users"),
            ("/Admin/Users?q=demo", "admin-users-search"),
            ("/Admin/Users/Create", "admin-user-create"),
            ("/Account/ChangePassword", "account-change-password"),
        })
        {
            await page.GotoAsync(path);
            Assert.Equal(path.Split('?')[0], new Uri(page.Url).AbsolutePath);
            await AssertNoViolationsAsync(page, name);
        }

        // Edit pages of a listed municipality and a listed user.
        await page.GotoAsync("/Admin/Municipalities?q=Musterstadt");
        await page.GotoAsync((await page.Locator("main a[href^='/Admin/Municipalities/Edit/']").First.GetAttributeAsync("href"))!);
        await AssertNoViolationsAsync(page, "admin-municipality-edit");

        await page.GotoAsync("/Admin/Users?q=demo-isb");
        await page.GotoAsync((await page.Locator("main a[href^='/Admin/Users/Edit/']").First.GetAttributeAsync("href"))!);
        await AssertNoViolationsAsync(page, "admin-user-edit");
    }

    [SkippableFact]
    public async Task RefusedAdminForms_ErrorSummaryHasNoAxeViolations()
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-admin");

        await page.GotoAsync("/Admin/Municipalities/Create");
        await page.Locator("#municipality-form [type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        await AssertNoViolationsAsync(page, "admin-municipality-create-errors");

        await page.GotoAsync("/Admin/Users/Create");
        await page.Locator("#user-form [type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        await AssertNoViolationsAsync(page, "admin-user-create-errors");

        await page.GotoAsync("/Admin/Catalogs/Import");
        await page.Locator("#import-form [type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        await AssertNoViolationsAsync(page, "admin-catalog-import-errors");

        await page.GotoAsync("/Account/ChangePassword");
        await page.Locator("main form [type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        await AssertNoViolationsAsync(page, "account-change-password-errors");
    }

    [SkippableFact]
    public async Task AccountPages_SignedOut_HaveNoAxeViolations()
    {
        _host.RequireBrowser();
        var page = await _host.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        await AssertNoViolationsAsync(page, "login-errors");

        await page.GotoAsync("/Account/AccessDenied");
        await AssertNoViolationsAsync(page, "account-access-denied");
    }

    [SkippableTheory]
    [InlineData("/Admin/Municipalities/Create", "#municipality-form")]
    [InlineData("/Admin/Users/Create", "#user-form")]
    [InlineData("/Admin/Catalogs/Import", "#import-form")]
    [InlineData("/Admin/Municipalities", "main form")]
    public async Task AdminForms_EveryControlShowsVisibleFocus(string path, string formSelector)
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-admin");
        await page.GotoAsync(path);

        var controls = page.Locator($"{formSelector} input:not([type=hidden]), {formSelector} select, {formSelector} textarea, {formSelector} button");
        var count = await controls.CountAsync();
        Assert.True(count > 0, $"{path}: no form controls found in {formSelector}.");
        for (var i = 0; i < count; i++)
        {
            var control = controls.Nth(i);
            await control.FocusAsync();
            // The same indicator a keyboard user gets (:focus-visible applies to programmatic focus after a key press).
            await page.Keyboard.PressAsync("Shift");
            var style = await control.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }");
            var outlined = style[0] != "none" && style[1] != "0px";
            var shadowed = style[2] != "none";
            Assert.True(outlined || shadowed, $"{path}: control {i} ({await control.EvaluateAsync<string>("e => e.outerHTML.slice(0, 120)")}) has no visible focus (outline {style[0]} {style[1]}, shadow {style[2]}).");
        }
    }
}
