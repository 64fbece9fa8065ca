using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grundschutz.Web.Tests.Admin;

public sealed class UserManagementTests
{
    private static async Task<HttpResponseMessage> SubmitCreateAsync(
        HttpClient client, string userName, string role, string municipality = "", params string[] lands)
    {
        var page = await Html.GetDocumentAsync(client, "/Admin/Users/Create");
        var form = (IHtmlFormElement)page.QuerySelector("#user-form")!;
        foreach (var land in lands)
        {
            ((IHtmlInputElement)form.QuerySelector("#Input_AuditorLands_" + land)!).IsChecked = true;
        }

        return await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "Anzeige " + userName,
            ["Input.Role"] = role,
            ["Input.Municipality"] = municipality,
        });
    }

    private static async Task<ApplicationUser?> FindUserAsync(GrundschutzWebFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
    }

    private static async Task<IList<string>> RolesOfAsync(GrundschutzWebFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    /// <summary>Submits the login form and returns the raw response (no assertion on success).</summary>
    private static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        return await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#login-form")!, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
    }

    private static async Task<IHtmlDocument> EditPageAsync(HttpClient client, string userId) =>
        await Html.GetDocumentAsync(client, "/Admin/Users/Edit/" + userId);

    [Fact]
    public async Task Create_IsbWithoutMunicipality_ShowsFieldErrorLinkedFromTheSummary()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var response = await SubmitCreateAsync(client, "isb-ohne", Roles.Isb);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var link = Assert.Single(page.QuerySelectorAll("#error-summary a"));
        Assert.Equal("#Input_Municipality", link.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Input_Municipality"));
        Assert.Equal("Bitte geben Sie die Kommune an (für ISB und Mitarbeit nötig).", page.QuerySelector("#Input_Municipality-error")!.TextContent.Trim());
        Assert.Null(await FindUserAsync(factory, "isb-ohne"));
    }

    [Fact]
    public async Task Create_UnknownMunicipality_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await SubmitCreateAsync(client, "isb-x", Roles.Contributor, "05315000"));

        Assert.Equal("#Input_Municipality", Assert.Single(page.QuerySelectorAll("#error-summary a")).GetAttribute("href"));
        Assert.Contains("05315000 gibt es nicht", page.QuerySelector("#Input_Municipality-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(factory, "isb-x"));
    }

    [Fact]
    public async Task Create_AuditorWithoutLands_ShowsErrorOnTheLandGroup()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await SubmitCreateAsync(client, "pruefer-ohne", Roles.Auditor));

        var link = Assert.Single(page.QuerySelectorAll("#error-summary a"));
        Assert.Equal("#Input_AuditorLands", link.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("fieldset#Input_AuditorLands"));
        Assert.Contains("mindestens ein Land", page.QuerySelector("#Input_AuditorLands-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(factory, "pruefer-ohne"));
    }

    [Fact]
    public async Task Create_MissingFields_ListsEveryFieldInTheSummary()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Admin/Users/Create")).QuerySelector("#user-form")!;

        var page = await Html.ParseAsync(await Html.SubmitAsync(client, form));

        var links = page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_DisplayName", "#Input_Role", "#Input_UserName"], links.Order(StringComparer.Ordinal));
        // The summary follows the page: the same fields in the order they are marked invalid in the form.
        Assert.Equal(page.QuerySelectorAll("#user-form [aria-invalid='true']").Select(e => "#" + e.Id).Distinct(), links);
    }

    [Fact]
    public async Task Create_Auditor_StoresSortedLandsAndIgnoresMunicipality()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        await seed.MunicipalityAsync("05315000", "Köln");
        var client = await factory.CreateAdminClientAsync();

        var response = await SubmitCreateAsync(client, "pruefer-neu", Roles.Auditor, "05315000", "06", "05");
        await Html.FollowRedirectAsync(client, response);

        var user = (await FindUserAsync(factory, "pruefer-neu"))!;
        Assert.Equal("|05|06|", user.AuditorLands);
        Assert.Null(user.MunicipalityId);
        Assert.Equal([Roles.Auditor], await RolesOfAsync(factory, "pruefer-neu"));
    }

    [Fact]
    public async Task Create_MunicipalityByName_IsResolved()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var koeln = await seed.MunicipalityAsync("05315000", "Köln");
        var client = await factory.CreateAdminClientAsync();

        await Html.FollowRedirectAsync(client, await SubmitCreateAsync(client, "mitarbeit-koeln", Roles.Contributor, "koeln"));

        Assert.Equal(koeln.Id, (await FindUserAsync(factory, "mitarbeit-koeln"))!.MunicipalityId);
    }

    [Fact]
    public async Task Create_DuplicateUserName_ShowsErrorOnUserName()
    {
        using var factory = new GrundschutzWebFactory();
        await factory.CreateUserAsync("schon-da", "Richtig-Passwort-1", Roles.Facilitator);
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.ParseAsync(await SubmitCreateAsync(client, "schon-da", Roles.Facilitator));

        Assert.Equal("#Input_UserName", Assert.Single(page.QuerySelectorAll("#error-summary a")).GetAttribute("href"));
        Assert.Contains("bereits vergeben", page.QuerySelector("#Input_UserName-error")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// A double click: the browser drops the first answer (and the one-time password with it) and shows the second.
    /// It must open the account the first send created and say how to get a password – not „bereits vergeben“.
    /// </summary>
    [Fact]
    public async Task Create_SameFormSentTwice_OpensTheFirstAccountAndSaysHowToGetAPassword()
    {
        using var factory = new LoggingWebFactory();
        var other = await factory.CreateUserAsync("schon-da", "Richtig-Passwort-1", Roles.Facilitator);
        var client = await factory.CreateAdminClientAsync();
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Admin/Users/Create")).QuerySelector("#user-form")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = "moderation-neu",
            ["Input.DisplayName"] = "Moderation Neu",
            ["Input.Role"] = Roles.Facilitator,
        };

        var first = await Html.SubmitAsync(client, form, fields);
        var second = await Html.SubmitAsync(client, form, fields);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Html.FollowRedirectAsync(client, second);
        Assert.Equal(
            "Der Benutzer „moderation-neu“ wurde mit diesem Formular bereits angelegt. Falls Sie das Einmal-Passwort nicht gesehen haben: „Passwort zurücksetzen“ erzeugt ein neues.",
            page.QuerySelector("#status-message")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#reset-password-submit"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "moderation-neu"));
        }

        // Two sends at the same moment: one account, both answers lead to it.
        var fresh = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Admin/Users/Create")).QuerySelector("#user-form")!;
        fields["Input.UserName"] = "moderation-zwei";
        var both = await Task.WhenAll(Html.SubmitAsync(client, fresh, fields), Html.SubmitAsync(client, fresh, fields));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        // No unhandled exception (the loser's unique violation is logged by EF Core on PostgreSQL, and handled).
        Assert.DoesNotContain(factory.Log.Entries, e => e.Level >= LogLevel.Error && !e.Category.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal));
        Assert.Single(both.Select(r => r.Headers.Location!.ToString()).Distinct());

        // A form id forged to name another account creates a new account with an id of its own.
        var forged = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Admin/Users/Create")).QuerySelector("#user-form")!;
        fields["Input.UserName"] = "moderation-drei";
        fields["FormId"] = other.Id;
        var created = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, forged, fields));
        Assert.Contains("„moderation-drei“ wurde angelegt", created.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(other.Id, (await FindUserAsync(factory, "moderation-drei"))!.Id);
        Assert.Equal("schon-da", (await FindUserAsync(factory, "schon-da"))!.UserName);
    }

    [Fact]
    public async Task Create_Isb_ShowsOneTimePasswordOnceAndTheFirstLoginMustChangeIt()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var koeln = await seed.MunicipalityAsync("05315000", "Köln");
        var client = await factory.CreateAdminClientAsync();

        var response = await SubmitCreateAsync(client, "isb-koeln", Roles.Isb, "05315000");
        var edit = await Html.FollowRedirectAsync(client, response);

        Assert.Contains("„isb-koeln“ wurde angelegt", edit.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Benutzer „isb-koeln“ – Grundschutz-Check", edit.Title); // names the account, not only „bearbeiten“ (WCAG 2.4.2)
        var password = edit.QuerySelector("#one-time-password")!.TextContent.Trim();
        Assert.Equal(16, password.Length);
        Assert.Equal("Köln (Nordrhein-Westfalen)", edit.QuerySelector("#user-municipality")!.TextContent.Trim());
        var again = await Html.GetDocumentAsync(client, response.Headers.Location!.ToString());
        Assert.Null(again.QuerySelector("#one-time-password"));
        Assert.DoesNotContain(password, again.Body!.InnerHtml, StringComparison.Ordinal);

        var user = (await FindUserAsync(factory, "isb-koeln"))!;
        Assert.Equal((koeln.Id, true, "Anzeige isb-koeln"), (user.MunicipalityId, user.MustChangePassword, user.DisplayName));
        Assert.Equal([Roles.Isb], await RolesOfAsync(factory, "isb-koeln"));

        var newcomer = factory.CreateBrowserClient();
        var login = await TryLoginAsync(newcomer, "isb-koeln", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var elsewhere = await newcomer.GetAsync("/Catalog");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Contains("/Account/ChangePassword", elsewhere.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserPages_NonAdministrator_AreDenied()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05315000", "Köln");
        var client = await seed.SignInAsync(isb);

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Create", "/Admin/Users/Edit/" + isb.Id })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AdminIndex_LinksToUserManagement()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync();

        var page = await Html.GetDocumentAsync(client, "/Admin");

        Assert.Equal("/Admin/Users", page.QuerySelector("#admin-users")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Index_ListsRolesMunicipalityLandsAndLockState()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05315000", "Köln");
        var auditor = await seed.UserAsync("pruefer", Roles.Auditor, auditorLands: ["06", "05"]);
        var client = await factory.CreateAdminClientAsync();
        await LockAsync(client, auditor.Id);

        var page = await Html.GetDocumentAsync(client, "/Admin/Users");

        Assert.Equal("isb-05315000", page.QuerySelector($"#edit-{isb.Id}")!.TextContent.Trim());
        Assert.Equal("Informationssicherheitsbeauftragte (ISB)", page.QuerySelector($"#roles-{isb.Id}")!.TextContent.Trim());
        Assert.Equal("Köln (05315000)", page.QuerySelector($"#municipality-{isb.Id}")!.TextContent.Trim());
        Assert.StartsWith("aktiv", page.QuerySelector($"#state-{isb.Id}")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Nordrhein-Westfalen, Hessen", page.QuerySelector($"#lands-{auditor.Id}")!.TextContent.Trim());
        Assert.StartsWith("gesperrt", page.QuerySelector($"#state-{auditor.Id}")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#demo-{isb.Id}"));
    }

    private static async Task LockAsync(HttpClient client, string userId)
    {
        var page = await EditPageAsync(client, userId);
        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#lock-form")!);
        var after = await Html.FollowRedirectAsync(client, response);
        Assert.Equal("gesperrt", after.QuerySelector("#user-state")!.TextContent.Trim());
    }

    [Fact]
    public async Task Lock_PreventsLogin_AndUnlockAllowsItAgain()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05315000", "Köln");
        var admin = await factory.CreateAdminClientAsync();

        await LockAsync(admin, isb.Id);
        var refused = await TryLoginAsync(factory.CreateBrowserClient(), isb.UserName!, AssessmentSeed.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).QuerySelector("#error-summary"));
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("grundschutz.auth=", StringComparison.Ordinal)));

        var page = await EditPageAsync(admin, isb.Id);
        var unlocked = await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)page.QuerySelector("#unlock-form")!));
        Assert.Equal("aktiv", unlocked.QuerySelector("#user-state")!.TextContent.Trim());
        await seed.SignInAsync(isb);
    }

    [Fact]
    public async Task LockAndUnlock_FromStalePage_SayNothingChangedAndLogOnce()
    {
        using var factory = new LoggingWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05316000", "Leverkusen");
        var admin = await factory.CreateAdminClientAsync();

        // Two tabs on the same page: the second „Sperren“ finds the account locked already.
        var first = await EditPageAsync(admin, isb.Id);
        var second = await EditPageAsync(admin, isb.Id);
        var locked = await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)first.QuerySelector("#lock-form")!));
        Assert.Equal($"Das Konto „{isb.UserName}“ ist gesperrt.", locked.QuerySelector("#status-message")!.TextContent.Trim());
        var again = await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)second.QuerySelector("#lock-form")!));
        Assert.Equal($"Das Konto „{isb.UserName}“ ist bereits gesperrt.", again.QuerySelector("#status-message")!.TextContent.Trim());
        Assert.Equal("gesperrt", again.QuerySelector("#user-state")!.TextContent.Trim());

        first = await EditPageAsync(admin, isb.Id);
        second = await EditPageAsync(admin, isb.Id);
        var unlocked = await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)first.QuerySelector("#unlock-form")!));
        Assert.Equal($"Das Konto „{isb.UserName}“ ist entsperrt.", unlocked.QuerySelector("#status-message")!.TextContent.Trim());
        var unlockedAgain = await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)second.QuerySelector("#unlock-form")!));
        Assert.Equal($"Das Konto „{isb.UserName}“ war nicht gesperrt.", unlockedAgain.QuerySelector("#status-message")!.TextContent.Trim());
        Assert.Equal("aktiv", unlockedAgain.QuerySelector("#user-state")!.TextContent.Trim());

        var security = factory.Log.Entries.Select(e => e.Message).Where(m => m.StartsWith($"Security: {isb.UserName} ", StringComparison.Ordinal)).ToList();
        Assert.Single(security, m => m.Contains(" locked by ", StringComparison.Ordinal));
        Assert.Single(security, m => m.Contains(" unlocked by ", StringComparison.Ordinal));
        await seed.SignInAsync(isb);
    }

    [Fact]
    public async Task Edit_FromAPageLoadedBeforeAnotherAdministratorsSave_KeepsTheNewerValues()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05316000", "Leverkusen");
        var admin = await factory.CreateAdminClientAsync();
        var first = await EditPageAsync(admin, isb.Id);
        var second = await EditPageAsync(admin, isb.Id);
        await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)first.QuerySelector("#user-form")!, new Dictionary<string, string> { ["Input.DisplayName"] = "Frau Neu" }));

        // The second page still shows the old name and adds an e-mail address; saving it would put the old name back.
        var refused = await Html.SubmitAsync(admin, (IHtmlFormElement)second.QuerySelector("#user-form")!, new Dictionary<string, string> { ["Input.Email"] = "isb@leverkusen.example" });
        var page = await Html.FollowRedirectAsync(admin, refused);

        Assert.Contains("wurde inzwischen geändert", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Frau Neu", ((IHtmlInputElement)page.QuerySelector("#Input_DisplayName")!).Value);
        var stored = (await FindUserAsync(factory, isb.UserName!))!;
        Assert.Equal(("Frau Neu", (string?)null), (stored.DisplayName, stored.Email));

        // From the refreshed page the change is saved on purpose.
        await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, (IHtmlFormElement)page.QuerySelector("#user-form")!, new Dictionary<string, string> { ["Input.Email"] = "isb@leverkusen.example" }));
        stored = (await FindUserAsync(factory, isb.UserName!))!;
        Assert.Equal(("Frau Neu", "isb@leverkusen.example"), (stored.DisplayName, stored.Email));
    }

    [Fact]
    public async Task Lock_OwnAccount_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync("admin-selbst");
        var self = (await FindUserAsync(factory, "admin-selbst"))!;
        var page = await EditPageAsync(client, self.Id);

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#lock-form")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nicht sperren", (await Html.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await FindUserAsync(factory, "admin-selbst"))!.LockoutEnd);
    }

    [Fact]
    public async Task ResetPassword_ShowsNewOneTimePassword_OldOneFailsAndNewOneMustBeChanged()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05315000", "Köln");
        var admin = await factory.CreateAdminClientAsync();
        var page = await EditPageAsync(admin, isb.Id);

        var response = await Html.SubmitAsync(admin, (IHtmlFormElement)page.QuerySelector("#reset-password-form")!);
        var after = await Html.FollowRedirectAsync(admin, response);

        var password = after.QuerySelector("#one-time-password")!.TextContent.Trim();
        Assert.Null((await EditPageAsync(admin, isb.Id)).QuerySelector("#one-time-password"));
        Assert.True((await FindUserAsync(factory, isb.UserName!))!.MustChangePassword);
        var old = await TryLoginAsync(factory.CreateBrowserClient(), isb.UserName!, AssessmentSeed.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await TryLoginAsync(factory.CreateBrowserClient(), isb.UserName!, password);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", fresh.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ChangeIsbToAuditor_StoresLandsAndDropsMunicipality()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var (_, isb) = await seed.TenantAsync("05315000", "Köln");
        var admin = await factory.CreateAdminClientAsync();
        var page = await EditPageAsync(admin, isb.Id);
        var form = (IHtmlFormElement)page.QuerySelector("#user-form")!;
        Assert.Equal("05315000", ((IHtmlInputElement)form.QuerySelector("#Input_Municipality")!).Value);
        ((IHtmlInputElement)form.QuerySelector("#Input_Roles_ISB")!).IsChecked = false;
        ((IHtmlInputElement)form.QuerySelector("#Input_Roles_Auditor")!).IsChecked = true;
        ((IHtmlInputElement)form.QuerySelector("#Input_AuditorLands_05")!).IsChecked = true;

        var after = await Html.FollowRedirectAsync(admin, await Html.SubmitAsync(admin, form));

        Assert.Contains("gespeichert", after.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var user = (await FindUserAsync(factory, isb.UserName!))!;
        Assert.Equal((null, "|05|"), (user.MunicipalityId, user.AuditorLands));
        Assert.Equal([Roles.Auditor], await RolesOfAsync(factory, isb.UserName!));
    }

    [Fact]
    public async Task Edit_NoRoleOrAuditorWithoutLands_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(factory);
        var facilitator = await seed.UserAsync("moderation", Roles.Facilitator);
        var admin = await factory.CreateAdminClientAsync();

        var form = (IHtmlFormElement)(await EditPageAsync(admin, facilitator.Id)).QuerySelector("#user-form")!;
        ((IHtmlInputElement)form.QuerySelector("#Input_Roles_Facilitator")!).IsChecked = false;
        var none = await Html.ParseAsync(await Html.SubmitAsync(admin, form));
        Assert.Equal("#Input_Roles", Assert.Single(none.QuerySelectorAll("#error-summary a")).GetAttribute("href"));

        form = (IHtmlFormElement)(await EditPageAsync(admin, facilitator.Id)).QuerySelector("#user-form")!;
        ((IHtmlInputElement)form.QuerySelector("#Input_Roles_Auditor")!).IsChecked = true;
        var noLands = await Html.ParseAsync(await Html.SubmitAsync(admin, form));
        Assert.Equal("#Input_AuditorLands", Assert.Single(noLands.QuerySelectorAll("#error-summary a")).GetAttribute("href"));
        Assert.Equal([Roles.Facilitator], await RolesOfAsync(factory, "moderation"));
    }

    [Fact]
    public async Task Edit_RemoveOwnAdministratorRole_IsRefused()
    {
        using var factory = new GrundschutzWebFactory();
        var client = await factory.CreateAdminClientAsync("admin-selbst");
        var self = (await FindUserAsync(factory, "admin-selbst"))!;
        var form = (IHtmlFormElement)(await EditPageAsync(client, self.Id)).QuerySelector("#user-form")!;
        ((IHtmlInputElement)form.QuerySelector("#Input_Roles_Administrator")!).IsChecked = false;
        ((IHtmlInputElement)form.QuerySelector("#Input_Roles_Facilitator")!).IsChecked = true;

        var page = await Html.ParseAsync(await Html.SubmitAsync(client, form));

        Assert.Contains("nicht selbst entziehen", page.QuerySelector("#Input_Roles-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(factory, "admin-selbst"));
    }

    // Demo data (Startup:DemoData) ------------------------------------------------------------------------------

    private static GrundschutzWebFactory DemoFactory(bool demoData, bool withCatalogue = true)
    {
        var factory = new GrundschutzWebFactory();
        factory.Settings["Startup:DemoData"] = demoData ? "true" : "false";
        factory.Settings["Startup:DemoCatalog"] = withCatalogue ? AssessmentSeed.DemoCatalogPath : AssessmentSeed.DemoCatalogPath + ".fehlt";
        factory.Settings["Startup:DemoPassword"] = "Demo-Passwort-2026";
        return factory;
    }

    private sealed record DemoCounts(int Users, int DemoUsers, int Municipalities, int Assessments, int Answers, int Transitions);

    private static async Task<DemoCounts> CountAsync(GrundschutzWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return new DemoCounts(
            await db.Users.CountAsync(), await db.Users.CountAsync(u => u.IsDemo), await db.Municipalities.CountAsync(),
            await db.Assessments.CountAsync(), await db.Answers.CountAsync(), await db.Assessments.SelectMany(a => a.Transitions).CountAsync());
    }

    [Fact]
    public async Task DemoData_On_SeedsUsersMunicipalitiesAndAHalfAnsweredAssessmentOnce()
    {
        using var factory = DemoFactory(demoData: true);
        _ = factory.Server; // starts the host, which runs the seeding once

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var musterstadt = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == DemoDataSeeder.MusterstadtAgs);
            Assert.Equal(("Musterstadt (Demo)", "09", DemoDataSeeder.Source, 12_345), (musterstadt.Name, musterstadt.LandCode, musterstadt.Source, musterstadt.Population));
            var beispiel = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == DemoDataSeeder.BeispielgemeindeAgs);
            Assert.NotEqual(musterstadt.LandCode, beispiel.LandCode);

            var expectedRoles = new Dictionary<string, string>
            {
                ["demo-admin"] = Roles.Administrator,
                ["demo-isb"] = Roles.Isb,
                ["demo-mitarbeit"] = Roles.Contributor,
                ["demo-pruefer"] = Roles.Auditor,
                ["demo-moderation"] = Roles.Facilitator,
            };
            foreach (var (name, role) in expectedRoles)
            {
                var user = await users.FindByNameAsync(name);
                Assert.NotNull(user);
                Assert.True(user.IsDemo);
                Assert.EndsWith(" (Demo)", user.DisplayName, StringComparison.Ordinal);
                Assert.False(user.MustChangePassword);
                Assert.Equal([role], await users.GetRolesAsync(user));
            }

            Assert.Equal(musterstadt.Id, (await users.FindByNameAsync("demo-isb"))!.MunicipalityId);
            Assert.Equal(musterstadt.Id, (await users.FindByNameAsync("demo-mitarbeit"))!.MunicipalityId);
            Assert.Equal("|09|", (await users.FindByNameAsync("demo-pruefer"))!.AuditorLands);

            var assessment = await db.Assessments.AsNoTracking()
                .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ContributorAssignments).Include(a => a.Answers)
                .SingleAsync(a => a.MunicipalityId == musterstadt.Id);
            var catalog = await Grundschutz.Infrastructure.Assessments.CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
            Assert.Equal((DemoDataSeeder.AssessmentTitle, AssessmentState.InProgress, Approach.GsppNormal, musterstadt.Id),
                (assessment.Title, assessment.State, assessment.Approach, assessment.MunicipalityId));
            Assert.Equal(["Clients Bürgeramt", "Server Rathaus"], assessment.TargetObjects.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.Equal(["NOT.1", "ORG.1", "TEC.1", "TEC.2"], assessment.ModuleApplications.Select(m => m.GroupId).Distinct().Order(StringComparer.Ordinal));
            var contributor = (await users.FindByNameAsync("demo-mitarbeit"))!;
            var assignment = Assert.Single(assessment.ContributorAssignments);
            Assert.Equal((contributor.Id, "TEC.2"), (assignment.UserId, assignment.GroupId));
            var report = assessment.CheckCompleteness(catalog, DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime));
            Assert.InRange(report.Answered, report.Total * 4 / 10, report.Total * 6 / 10);
            Assert.Empty(report.Invalid);
            Assert.Contains(assessment.Answers, a => a.UpdatedByUserId == contributor.Id && a.GroupId == "TEC.2");
        }

        var before = await CountAsync(factory);
        await GrundschutzApp.InitializeAsync(factory.Services);
        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task DemoData_On_DemoUserCanSignInAndLoginPageNamesTheAccountsButNoPassword()
    {
        using var factory = DemoFactory(demoData: true);
        var client = factory.CreateBrowserClient();

        var login = await Html.GetDocumentAsync(client, "/Account/Login");

        var names = login.QuerySelectorAll("#demo-users code").Select(c => c.TextContent).ToList();
        Assert.Equal(DemoDataSeeder.UserNames, names);
        Assert.DoesNotContain("Demo-Passwort-2026", login.DocumentElement.OuterHtml, StringComparison.Ordinal);
        await Html.LoginAsync(client, "demo-isb", "Demo-Passwort-2026");
    }

    [Fact]
    public async Task DemoData_Off_SeedsNothingAndTheLoginPageHasNoNote()
    {
        using var factory = DemoFactory(demoData: false);
        var client = factory.CreateBrowserClient();

        var login = await Html.GetDocumentAsync(client, "/Account/Login");

        Assert.Null(login.QuerySelector("#demo-note"));
        var counts = await CountAsync(factory);
        Assert.Equal(new DemoCounts(Users: 1, DemoUsers: 0, Municipalities: 0, Assessments: 0, Answers: 0, Transitions: 0), counts);
    }

    [Fact]
    public async Task DemoData_WithoutDemoCatalogue_SeedsUsersButNoAssessment()
    {
        using var factory = DemoFactory(demoData: true, withCatalogue: false);
        _ = factory.Server;

        var counts = await CountAsync(factory);

        Assert.Equal((5, 2, 0), (counts.DemoUsers, counts.Municipalities, counts.Assessments));
    }
}
