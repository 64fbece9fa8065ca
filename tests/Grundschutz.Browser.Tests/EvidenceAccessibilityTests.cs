using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The evidence pages in a real browser – Richtlinien (A.0) with its upload form and list, Paket prüfen before and
/// after a check – free of axe WCAG 2.1 AA violations at desktop and phone width.
/// </summary>
public sealed class EvidenceAccessibilityTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public EvidenceAccessibilityTests(BrowserHost host) => _host = host;

    private Task<IPage> SignedInAsync(string user, int width) => _host.SignedInPageAsync(user, width);

    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task EvidencePages_HaveNoAxeViolations(int width, string size)
    {
        _host.RequireBrowser();
        var page = await SignedInAsync("demo-isb", width);

        var policies = await page.GotoAsync("/Policies");
        Assert.True(policies!.Ok, $"/Policies: HTTP {policies.Status}");
        await Axe.AssertNoViolationsAsync(page, $"policies-empty-{size}");

        // Upload one policy through the form, so the list with its table is checked too.
        await page.FillAsync("#Input_Title", "Leitlinie zur Informationssicherheit");
        await page.FillAsync("#Input_Author", "Erika Muster");
        await page.FillAsync("#Input_Version", "1.0");
        await page.FillAsync("#Input_ApprovedOn", "2026-03-01");
        await page.FillAsync("#Input_ApprovedBy", "Bürgermeisterin");
        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "Leitlinie.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\nLeitlinie\n"u8.ToArray() });
        await page.ClickAsync("#policy-submit");
        await page.WaitForSelectorAsync("#policy-table");
        await Axe.AssertNoViolationsAsync(page, $"policies-list-{size}");

        var verify = await page.GotoAsync("/Evidence/Verify");
        Assert.True(verify!.Ok, $"/Evidence/Verify: HTTP {verify.Status}");
        await Axe.AssertNoViolationsAsync(page, $"verify-{size}");

        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "kein-paket.zip", MimeType = "application/zip", Buffer = "kein zip"u8.ToArray() });
        await page.ClickAsync("#verify-submit");
        await page.WaitForSelectorAsync("#verify-problems");
        await Axe.AssertNoViolationsAsync(page, $"verify-result-{size}");
    }
}
