using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The demo facilitator's workshop pages (list, detail with progress and gaps, create, edit) and the demo ISB's
/// questionnaire workbook and workshop invitations pages in a real browser: free of axe WCAG 2.1 AA violations at desktop and phone width.
/// </summary>
public sealed class WorkshopAccessibilityTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public WorkshopAccessibilityTests(BrowserHost host) => _host = host;

    private Task<IPage> SignedInAsync(string user, int width) => _host.SignedInPageAsync(user, width);

    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task DemoFacilitator_WorkshopPages_HaveNoAxeViolations(int width, string size)
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-moderation", width);

        var list = await page.GotoAsync("/Workshops");
        Assert.True(list!.Ok, $"/Workshops: HTTP {list.Status}");
        await Axe.AssertNoViolationsAsync(page, $"workshops-{size}");
        var detailUrl = (await page.Locator("#workshop-list a.workshop-link").First.GetAttributeAsync("href"))!;

        foreach (var (path, name) in new[] { (detailUrl, "workshop-detail"), (detailUrl + "/Edit", "workshop-edit"), ("/Workshops/Create", "workshop-create") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: HTTP {response.Status}");
            Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
            await Axe.AssertNoViolationsAsync(page, $"{name}-{size}");
        }

        // The form with errors (error summary linked to the fields) as well.
        await page.FillAsync("#Input_Topic", "");
        await page.FillAsync("#Input_Municipalities", "09999999");
        await page.ClickAsync("#workshop-save");
        await page.WaitForSelectorAsync("#error-summary");
        await Axe.AssertNoViolationsAsync(page, $"workshop-create-errors-{size}");
    }

    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task DemoIsb_WorkbookPage_HasNoAxeViolations(int width, string size)
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-isb", width);
        await page.GotoAsync("/Assessments");
        var overviewUrl = (await page.Locator("#assessments a[href^='/Assessments/']").First.GetAttributeAsync("href"))!;

        var response = await page.GotoAsync(overviewUrl + "/Workbook");
        Assert.True(response!.Ok, $"workbook: HTTP {response.Status}");
        await Axe.AssertNoViolationsAsync(page, $"workbook-{size}");

        // The workshop invitations the ISB agrees to (or withdraws from), reached from the assessment list.
        await page.GotoAsync("/Assessments");
        await page.ClickAsync("#workshop-invitations-link");
        await page.WaitForURLAsync("**/Assessments/WorkshopInvitations");
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page, $"workshop-invitations-{size}");
    }
}
