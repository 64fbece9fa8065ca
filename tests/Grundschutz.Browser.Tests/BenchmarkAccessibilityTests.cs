using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The auditor benchmarking dashboard in a real browser – the default view of the demo Land (five approved demo
/// municipalities) and a filtered view – free of axe WCAG 2.1 AA violations at desktop and phone width.
/// </summary>
public sealed class BenchmarkAccessibilityTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public BenchmarkAccessibilityTests(BrowserHost host) => _host = host;

    private Task<IPage> SignedInAsync(string user, int width) => _host.SignedInPageAsync(user, width);

    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task BenchmarkDashboard_HasNoAxeViolations(int width, string size)
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-pruefer", width);

        var dashboard = await page.GotoAsync("/Benchmarks");
        Assert.True(dashboard!.Ok, $"/Benchmarks: HTTP {dashboard.Status}");
        // The demo data gives a group large enough for the distribution table and the charts.
        await page.WaitForSelectorAsync("#kpi-distribution");
        Assert.True(await page.Locator("#benchmark-rows tbody tr").CountAsync() >= 5, "expected the five demo municipalities");
        await Axe.AssertNoViolationsAsync(page, $"benchmarks-{size}");

        // A filtered view through the form: submitted assessments, Kreis and year chosen.
        await page.SelectOptionAsync("#grundlage", "eingereicht");
        await page.SelectOptionAsync("#kreis", "Demo-Landkreis");
        await page.ClickAsync("#benchmark-apply");
        await BrowserHost.WaitForPageAsync(page, url => url.Contains("kreis=Demo-Landkreis", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#benchmark-rows");
        Assert.Equal("eingereicht", await page.InputValueAsync("#grundlage"));
        await Axe.AssertNoViolationsAsync(page, $"benchmarks-filtered-{size}");

        // A filter that leaves too few municipalities: the suppression explanation instead of the figures.
        var small = await page.GotoAsync("/Benchmarks?kreis=Demo-Landkreis&groesse=" + (int)Grundschutz.Domain.Municipalities.SizeClass.From100000);
        Assert.True(small!.Ok, $"/Benchmarks filtered: HTTP {small.Status}");
        Assert.Equal(0, await page.Locator("#kpi-distribution").CountAsync());
        await Axe.AssertNoViolationsAsync(page, $"benchmarks-suppressed-{size}");
    }
}
