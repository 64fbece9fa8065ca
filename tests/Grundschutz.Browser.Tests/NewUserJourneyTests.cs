using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// A new user's whole path in a real browser, at desktop size and at a 390 px phone width: the administrator creates
/// an ISB account through the UI (one-time password), the ISB logs in and must change the password, creates an
/// assessment of the demo catalogue, scopes it (one target object, two modules), answers every question and submits;
/// the demo auditor starts the review and approves; the ISB opens the report and downloads the HTML report and the
/// A.4/A.6 workbooks, which are reopened with ClosedXML. Every step leaves a screenshot in TestResults/browser.
/// </summary>
public sealed partial class NewUserJourneyTests : IClassFixture<BrowserHost>
{
    private const string MusterstadtAgs = "09189999";
    private const string NewPassword = "Neues-Passwort-2026";
    private readonly BrowserHost _host;

    public NewUserJourneyTests(BrowserHost host) => _host = host;

    [SkippableTheory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task NewIsb_FromFirstLoginToApprovedReportAndDownloads(int width, string size)
    {
        _host.RequireBrowser();
        var userName = $"neu-isb-{size}";
        var title = $"Erstbewertung {size}";
        var step = 0;
        async Task Shot(IPage page, string name) => await BrowserHost.ScreenshotAsync(page, $"journey-{size}-{++step:00}-{name}");

        // 1. The administrator creates the account and reads the one-time password.
        var admin = await NewPageAsync(width);
        await LoginAsync(admin, "demo-admin", BrowserHost.DemoPassword);
        await admin.GotoAsync("/Admin/Users/Create");
        await admin.FillAsync("#Input_UserName", userName);
        await admin.FillAsync("#Input_DisplayName", $"Neue ISB ({size})");
        await admin.SelectOptionAsync("#Input_Role", "ISB");
        await admin.FillAsync("#Input_Municipality", MusterstadtAgs);
        await Shot(admin, "admin-create-user");
        await admin.ClickAsync("#user-submit");
        var oneTimePassword = (await admin.Locator("#one-time-password").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(oneTimePassword));
        Assert.Contains("Musterstadt", await admin.Locator("#user-municipality").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(admin, "admin-one-time-password");
        await admin.Context.CloseAsync();

        // 2. First login: the one-time password must be replaced.
        var isb = await NewPageAsync(width);
        await LoginAsync(isb, userName, oneTimePassword);
        Assert.Contains("/Account/ChangePassword", isb.Url, StringComparison.Ordinal);
        Assert.True(await isb.Locator("#must-change").IsVisibleAsync());
        await isb.FillAsync("#Input_CurrentPassword", oneTimePassword);
        await isb.FillAsync("#Input_NewPassword", NewPassword);
        await isb.FillAsync("#Input_ConfirmPassword", NewPassword);
        await Shot(isb, "change-password");
        await isb.ClickAsync("#change-password-submit");
        await BrowserHost.WaitForPageAsync(isb, url => !url.Contains("/Account/", StringComparison.Ordinal));

        // 3. A new assessment of the demo catalogue (the first offered approach).
        await isb.GotoAsync("/Assessments/Create");
        Assert.Contains("Musterstadt", await isb.Locator("#create-municipality").InnerTextAsync(), StringComparison.Ordinal);
        await isb.Locator("input[name='Input.Approach']").First.CheckAsync();
        await isb.FillAsync("#Input_Title", title);
        await Shot(isb, "create-assessment");
        await isb.ClickAsync("#create-submit");
        await BrowserHost.WaitForPageAsync(isb, url => url.EndsWith("/Scope", StringComparison.Ordinal));
        var id = AssessmentId().Match(isb.Url).Groups[1].Value;
        Assert.Equal(title, (await isb.Locator("#assessment-title").InnerTextAsync()).Trim());

        // 4. Scope: one target object, two modules.
        await isb.FillAsync("#Target_Name", "Server Rathaus");
        await isb.FillAsync("#Target_Kind", "IT-System");
        await isb.ClickAsync("#add-target-submit");
        // The module form of a target object is named after its id.
        var apply = isb.Locator("form[id^='apply-form-']");
        await apply.WaitForAsync();
        await apply.Locator("input[name='groupIds'][value='ORG.2']").CheckAsync();
        await apply.Locator("input[name='groupIds'][value='TEC.1']").CheckAsync();
        await Shot(isb, "scope");
        await apply.Locator("button[id^='apply-submit-']").ClickAsync();
        await isb.Locator("details.apply-details summary", new() { HasTextString = "2 Bausteine angewendet" }).WaitForAsync();
        Assert.Equal(["ORG.2", "TEC.1"], await isb.Locator("form[id^='apply-form-'] input[name='groupIds']:checked").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)"));

        // 5. Start answering, answer every question: the first one nicht umgesetzt with a plan, the others umgesetzt.
        await isb.GotoAsync($"/Assessments/{id}");
        if (await isb.Locator("#trigger-StartAnswering-button").CountAsync() > 0)
        {
            await isb.ClickAsync("#trigger-StartAnswering-button");
        }

        await isb.GotoAsync($"/Assessments/{id}/Questions/0");
        var total = int.Parse(QuestionTotal().Match(await isb.Locator("#question-position").InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(5, total);
        var answered = new List<string>();
        string? notImplemented = null;
        for (var position = 0; position < total; position++)
        {
            await isb.GotoAsync($"/Assessments/{id}/Questions/{position}");
            var requirement = (await isb.Locator("#requirement-id").InnerTextAsync()).Trim();
            answered.Add(requirement);
            if (position == 0)
            {
                notImplemented = requirement;
                await isb.CheckAsync("input[name='Input.Status'][value='Nein']");
                await isb.FillAsync("#Input_Justification", "Noch kein Konzept vorhanden.");
                await isb.FillAsync("#Input_ImplementationDescription", "Konzept schreiben und beschließen lassen.");
                await isb.FillAsync("#Input_Owner", "Hauptamt");
                await isb.FillAsync("#Input_DueDate", "2027-06-30");
            }
            else
            {
                await isb.CheckAsync("input[name='Input.Status'][value='Ja']");
                await isb.FillAsync("#Input_ImplementationDescription", $"Umgesetzt ({requirement}).");
            }

            if (position is 0 or 1)
            {
                await Shot(isb, $"question-{position}");
            }

            // Saved once the post-redirect-get has committed the next page (the save happens before the redirect).
            var before = isb.Url;
            await isb.ClickAsync("#save-next");
            await BrowserHost.WaitForPageAsync(isb, url => url != before);
        }

        Assert.Equal(total, answered.Distinct().Count());
        await isb.GotoAsync($"/Assessments/{id}");
        Assert.True(await isb.Locator("#complete").IsVisibleAsync());
        await Shot(isb, "overview-complete");
        await isb.ClickAsync("#trigger-Submit-button");
        await isb.Locator("#history").WaitForAsync();
        await Shot(isb, "submitted");
        await isb.Context.CloseAsync();

        // 6. The auditor of the Land starts the review and approves (four eyes: the auditor answered nothing).
        var auditor = await NewPageAsync(width);
        await LoginAsync(auditor, "demo-pruefer", BrowserHost.DemoPassword);
        await auditor.GotoAsync($"/Assessments/{id}");
        await auditor.ClickAsync("#trigger-StartReview-button");
        await auditor.Locator("#trigger-Approve-button").WaitForAsync();
        await Shot(auditor, "review");
        await auditor.ClickAsync("#trigger-Approve-button");
        await auditor.Locator("#readonly-banner").WaitForAsync();
        // Entwurf → In Bearbeitung → Eingereicht → In Prüfung → Genehmigt; the last two by the auditor.
        Assert.Equal(4, await auditor.Locator("#history tbody tr").CountAsync());
        var last = await auditor.Locator("#history tbody tr").Last.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(["In Prüfung", "Genehmigt", "Genehmigen", "Prüfung Bayern (Demo)"], last.Take(4).Select(c => c.Trim()));
        await Shot(auditor, "approved");
        await auditor.Context.CloseAsync();

        // 7. The ISB opens the report and downloads the HTML report and both workbooks.
        isb = await NewPageAsync(width);
        await LoginAsync(isb, userName, NewPassword);
        await isb.GotoAsync($"/Assessments/{id}/Report");
        await Shot(isb, "report");
        var html = await DownloadAsync(isb, "#download-html", $"journey-{size}-bericht.html");
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("Musterstadt (Demo)", text, StringComparison.Ordinal);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(notImplemented!, text, StringComparison.Ordinal);
        await AssertSavedReportRendersUnderItsPolicyAsync(width, html);

        await isb.GotoAsync($"/Assessments/{id}/Exports");
        await Shot(isb, "exports");
        var a4 = await DownloadAsync(isb, "#download-grundschutz-check", $"journey-{size}-a4.xlsx");
        using (var workbook = new XLWorkbook(a4))
        {
            var sheet = workbook.Worksheet("A.4 IT-Grundschutz-Check");
            var rows = Enumerable.Range(2, total).Select(r => (Target: sheet.Cell(r, 1).GetString(), Requirement: sheet.Cell(r, 3).GetString())).ToList();
            Assert.All(rows, r => Assert.Equal("Server Rathaus", r.Target));
            Assert.Equal(answered.Order(StringComparer.Ordinal), rows.Select(r => r.Requirement).Order(StringComparer.Ordinal));
            Assert.True(sheet.Row(total + 2).IsEmpty());
        }

        var a6 = await DownloadAsync(isb, "#download-realisierungsplan", $"journey-{size}-a6.xlsx");
        using (var workbook = new XLWorkbook(a6))
        {
            var sheet = workbook.Worksheet("A.6 Realisierungsplan");
            Assert.Equal(notImplemented, sheet.Cell(2, 6).GetString());
            Assert.Equal("Hauptamt", sheet.Cell(2, 10).GetString());
            Assert.True(sheet.Row(3).IsEmpty());
        }

        await isb.Context.CloseAsync();
    }

    /// <summary>
    /// The saved file opened as a user would: its own policy (style by hash, data: images) lets the embedded style
    /// sheet and the chart images apply, and the browser reports no policy violation.
    /// </summary>
    private async Task AssertSavedReportRendersUnderItsPolicyAsync(int width, string path)
    {
        var page = await NewPageAsync(width);
        var messages = new List<string>();
        page.Console += (_, message) => messages.Add(message.Text);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        Assert.Equal("rgb(232, 232, 232)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('th')).backgroundColor"));
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.images].length > 0 && [...document.images].every(i => i.complete && i.naturalWidth > 0)"));
        Assert.DoesNotContain(messages, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await BrowserHost.ScreenshotAsync(page, $"journey-{(width < 600 ? "phone" : "desktop")}-saved-report");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync(int width)
    {
        var context = await _host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _host.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "de-DE",
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    private static async Task LoginAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        await BrowserHost.WaitForPageAsync(page, url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Clicks a download link and keeps the file among the artefacts.</summary>
    private static async Task<string> DownloadAsync(IPage page, string selector, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var path = Path.Combine(BrowserHost.ArtefactDirectory, fileName);
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 0, $"{fileName} is empty.");
        return path;
    }

    [GeneratedRegex("/Assessments/([0-9a-fA-F-]{36})")]
    private static partial Regex AssessmentId();

    [GeneratedRegex(@"von (\d+)")]
    private static partial Regex QuestionTotal();
}
