using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The demo ISB's path through the assessment pages in a real browser: every page free of axe WCAG 2.1 AA
/// violations, at desktop size and at a 390 px phone width, and the questionnaire usable by keyboard only.
/// </summary>
public sealed class AssessmentAccessibilityTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public AssessmentAccessibilityTests(BrowserHost host) => _host = host;

    private Task<IPage> SignedInAsync(string user, int width = 1280) => _host.SignedInPageAsync(user, width);

    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task DemoIsb_AssessmentPages_HaveNoAxeViolations(int width, string size)
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-isb", width);

        await page.GotoAsync("/Assessments");
        await Axe.AssertNoViolationsAsync(page, $"assessments-{size}");
        // With a search the filter form and the "n of m" count are shown (for an ISB only then; auditors see it at once).
        await page.GotoAsync("/Assessments?q=Musterstadt&zustand=InProgress");
        Assert.True(await page.Locator("#assessment-filter").IsVisibleAsync(), "The list filter is not shown.");
        Assert.Equal("InProgress", await page.InputValueAsync("#filter-state"));
        await Axe.AssertNoViolationsAsync(page, $"assessments-filtered-{size}");
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;

        foreach (var (path, name) in new[]
        {
            (overviewUrl, "overview"),
            (overviewUrl + "/Scope", "scope"),
            (overviewUrl + "/Questions/0", "question"),
            (overviewUrl + "/Report", "report"),
            (overviewUrl + "/Exports", "exports"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: HTTP {response.Status}");
            Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
            await Axe.AssertNoViolationsAsync(page, $"{name}-{size}");
        }
    }

    [SkippableFact]
    public async Task Questionnaire_KeyboardOnly_AnswersAndMovesOn()
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-isb");
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;
        await page.GotoAsync(overviewUrl + "/Questions");
        var before = page.Url;
        var requirement = await page.InputValueAsync("input[name='Input.RequirementId']");

        // Reach the first status radio by Tab only, choose with the arrow keys, submit with Enter on the button.
        var reached = false;
        for (var i = 0; i < 200 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.name === 'Input.Status'");
        }

        Assert.True(reached, "The status radio group cannot be reached by keyboard.");
        await page.Keyboard.PressAsync("Space");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.FocusAsync("#save-next");
        await page.Keyboard.PressAsync("Enter");
        await BrowserHost.WaitForPageAsync(page, url => url != before);
        await BrowserHost.ScreenshotAsync(page, "question-after-keyboard-save");

        // The saved answer is in the history of that question.
        await page.GotoAsync(before);
        Assert.Equal(requirement, await page.InputValueAsync("input[name='Input.RequirementId']"));
        Assert.True(await page.Locator("#answer-history tbody tr").CountAsync() > 0);
    }
}
