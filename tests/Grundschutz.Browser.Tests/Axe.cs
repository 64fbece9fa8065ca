using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>The one axe check of the browser tests: WCAG 2.1 A/AA rules, a screenshot per page, violations listed.</summary>
internal static class Axe
{
    public static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        await BrowserHost.ScreenshotAsync(page, name);
        var described = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
        Assert.True(result.Violations.Length == 0, $"{name}: axe violations:\n{described}");
    }
}
