using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The OSCAL pages in a real browser, free of axe WCAG 2.1 AA violations: the import page and the migration page with a
/// preview (official Kompendium, Kernel and BSI mapping, an IT-Grundschutz assessment of the demo ISB's municipality).
/// </summary>
public sealed class OscalAccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task OscalPages_HaveNoAxeViolations(int width, string size)
    {
        host.RequireBrowser();
        var assessmentId = await SeedAsync();
        var page = await host.SignedInPageAsync("demo-isb", width);

        await GotoAsync(page, "/Assessments/Import");
        await Axe.AssertNoViolationsAsync(page, $"oscal-import-{size}");

        await GotoAsync(page, $"/Assessments/{assessmentId}/Migrate");
        Assert.True(await page.Locator("#migration-controls").CountAsync() == 1, "the preview table is shown");
        await Axe.AssertNoViolationsAsync(page, $"oscal-migrate-{size}");
    }

    private static async Task GotoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path}: HTTP {response.Status}");
    }

    /// <summary>Imports the official files (no-op when present) and creates a small IT-Grundschutz assessment for demo-isb.</summary>
    private async Task<Guid> SeedAsync()
    {
        var files = new[]
        {
            SharedFiles.Kompendium2023,
            SharedFiles.GsPlusPlus("BSI-Stand-der-Technik-Kernel-catalog.json"),
            SharedFiles.GsPlusPlus("ITGS-to-GS++-mapping_collection.json"),
        };
        await using var scope = host.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync(files.Select(CatalogImportFile.FromPath).ToList(), "test", CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var isb = (await users.FindByNameAsync("demo-isb"))!;
        var context = await CatalogContextCache.LoadAsync(db, results[0].CatalogVersionId, CancellationToken.None);
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var actor = new Actor(isb.Id, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
        var assessment = Assessment.Create(isb.MunicipalityId!.Value, results[0].CatalogVersionId, CatalogFramework.ItGrundschutz, Approach.Standard, "Check für Grundschutz++", isb.Id, time);
        var wlan = assessment.AddTargetObject("WLAN Rathaus");
        var verbund = assessment.AddTargetObject("Verbund");
        assessment.ApplyModule("NET.2.2", wlan.Id);
        assessment.ApplyModule("OPS.2.2", verbund.Id);
        assessment.RecordAnswer(new AnswerInput("NET.2.2.A3", wlan.Id, AnswerStatus.Ja, AssessedOn: DateOnly.FromDateTime(time.UtcDateTime)), 0, actor, time, context.Find("NET.2.2.A3")!);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
