using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;
using Grundschutz.Web.Tests.Municipalities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// Hostile or odd query values on the GET pages: searches take <c>%</c>, <c>_</c>, <c>\</c> and <c>[</c> literally
/// (no LIKE wildcards), page numbers out of range or not a number show a page, and return addresses neither lead
/// off-site nor are echoed back into a redirect when they are longer than any of the app's own addresses (following
/// such a redirect fails with HTTP 414).
/// </summary>
public sealed class QueryParameterTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private const string Password = "Test-Passwort-123";

    [Fact]
    public async Task UserSearch_WildcardCharacters_MatchLiterally()
    {
        await factory.CreateUserAsync("wild.alpha", Password);
        await factory.CreateUserAsync("wild_beta", Password);
        var client = await factory.CreateAdminClientAsync("wild-admin");

        static List<string> Names(IHtmlDocument page) =>
            page.QuerySelectorAll("#user-table a.user-name").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["wild_beta"], Names(await Html.GetDocumentAsync(client, "/Admin/Users?q=" + Uri.EscapeDataString("d_b"))));
        Assert.Empty(Names(await Html.GetDocumentAsync(client, "/Admin/Users?q=" + Uri.EscapeDataString("d_a"))));
        foreach (var odd in new[] { "%", "wild%", "\\", "[", "[a-z]", "d\\_" })
        {
            var page = await Html.GetDocumentAsync(client, "/Admin/Users?q=" + Uri.EscapeDataString(odd));
            Assert.True(page.QuerySelector("#no-users") is not null, $"q={odd} found {string.Join(", ", Names(page))}");
        }
    }

    [Fact]
    public async Task MunicipalitySearch_WildcardCharacters_MatchLiterally()
    {
        using var own = new GrundschutzWebFactory();
        await MunicipalityTestData.AddAsync(own, "05315000", "Köln, Stadt");
        await MunicipalityTestData.AddAsync(own, "05111000", "Düsseldorf, Stadt");
        var client = await own.CreateAdminClientAsync();

        foreach (var odd in new[] { "%", "_", "0_", "05%", "\\", "[", "k%ln", "k_ln" })
        {
            var page = await Html.GetDocumentAsync(client, "/Admin/Municipalities?q=" + Uri.EscapeDataString(odd));
            Assert.True(page.QuerySelector("#no-municipalities") is not null, $"q={odd} matched municipalities");
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("999999999")]
    [InlineData("2147483648")]
    [InlineData("abc")]
    [InlineData("1&p=2")]
    public async Task UserList_OddPageNumber_ShowsAPage(string number)
    {
        var client = await factory.CreateAdminClientAsync("page-admin-" + Guid.NewGuid().ToString("N")[..8]);

        var page = await Html.GetDocumentAsync(client, "/Admin/Users?p=" + number);

        Assert.StartsWith("Seite 1 von ", page.QuerySelector("#page-info")?.TextContent.Trim() ?? "Seite 1 von 1", StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#user-table"));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/%2F%2Fevil.example")]
    public async Task Login_OffSiteReturnUrl_GoesHome(string returnUrl)
    {
        var userName = "offsite-" + Guid.NewGuid().ToString("N")[..8];
        await factory.CreateUserAsync(userName, Password);

        var response = await LoginAsync(factory.CreateBrowserClient(), userName, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location == "/" || location == returnUrl && returnUrl.StartsWith("/%2F", StringComparison.Ordinal), location);
    }

    /// <summary>
    /// A return address longer than any of the app's own (a forged login form, a crafted link) is not redirected to,
    /// nor carried on to the change of a one-time password: following it would fail with HTTP 414.
    /// </summary>
    [Theory]
    [InlineData(false, 2048, true)]
    [InlineData(false, 2049, false)]
    [InlineData(true, 2048, true)]
    [InlineData(true, 2049, false)]
    public async Task Login_OverlongReturnUrl_NotEchoed(bool mustChangePassword, int length, bool kept)
    {
        var userName = "long-" + Guid.NewGuid().ToString("N")[..8];
        var user = await factory.CreateUserAsync(userName, Password);
        if (mustChangePassword)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.MustChangePassword = true;
            await users.UpdateAsync(stored);
        }

        var returnUrl = "/Catalog/Search?q=" + new string('a', length - "/Catalog/Search?q=".Length);
        var client = factory.CreateBrowserClient();

        var response = await LoginAsync(client, userName, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        if (!mustChangePassword)
        {
            Assert.Equal(kept ? returnUrl : "/", location);
            return;
        }

        Assert.Equal(kept ? "/Account/ChangePassword?returnUrl=" + Uri.EscapeDataString(returnUrl) : "/Account/ChangePassword", location);
        var change = await Html.GetDocumentAsync(client, location);
        Assert.Equal(kept ? returnUrl : "", ((IHtmlInputElement)change.QuerySelector("input[name='ReturnUrl']")!).Value);

        // The change form posted with the address put back (a forged form) does not return to it either.
        var changed = await Html.SubmitAsync(client, (IHtmlFormElement)change.QuerySelector("#change-password-form")!, new Dictionary<string, string>
        {
            ["ReturnUrl"] = returnUrl,
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "Neues-Passwort-456",
            ["Input.ConfirmPassword"] = "Neues-Passwort-456",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(kept ? returnUrl : "/", changed.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// A signed-out visitor of a protected page is sent to the login with the page's address to return to – unless
    /// that address is longer than any of the app's own: then the login comes without it (the address, escaped once
    /// more, would make the login page's own address fail with HTTP 414).
    /// </summary>
    [Theory]
    [InlineData(100, true)]
    [InlineData(3000, false)]
    public async Task ProtectedPage_SignedOut_OverlongAddressNotCarriedToLogin(int length, bool kept)
    {
        var address = "/Assessments?q=" + new string('/', length);

        var response = await factory.CreateBrowserClient().GetAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/Account/Login", location.AbsolutePath);
        Assert.Equal(kept ? "?ReturnUrl=" + Uri.EscapeDataString(address) : "", location.Query);
    }

    /// <summary>The same for a signed-in user sent to the access-denied page.</summary>
    [Fact]
    public async Task AdminPage_NoAdministrator_OverlongAddressNotCarriedToAccessDenied()
    {
        var userName = "denied-" + Guid.NewGuid().ToString("N")[..8];
        await factory.CreateUserAsync(userName, Password);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, userName, Password);

        var response = await client.GetAsync("/Admin/Users?q=" + new string('/', 3000));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.Equal("", response.Headers.Location.Query);
    }

    /// <summary>
    /// The sign-in cookie itself follows a <c>ReturnUrl</c> in the query of the login and logout addresses; the pages
    /// answer with their own redirect, so an address off the site is not followed there either.
    /// </summary>
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    public async Task LoginAndLogout_OffSiteReturnUrlInTheQuery_GoesHome(string returnUrl)
    {
        var userName = "query-" + Guid.NewGuid().ToString("N")[..8];
        await factory.CreateUserAsync(userName, Password);
        var client = factory.CreateBrowserClient();
        var login = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl))).QuerySelector("#login-form")!;

        var signedIn = await Html.SubmitAsync(client, login, new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        var home = await Html.GetDocumentAsync(client, "/");
        var logout = (IHtmlFormElement)home.QuerySelector("#logout-button")!.Closest("form")!;
        logout.Action = "/Account/Logout?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var signedOut = await Html.SubmitAsync(client, logout);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);
    }

    /// <summary>A culture the app does not have, or no culture name at all, leaves the page German.</summary>
    [Theory]
    [InlineData("xx", "Seite nicht gefunden")]
    [InlineData("../..", "Seite nicht gefunden")]
    [InlineData("qps-ploc", "Seite nicht gefunden")]
    [InlineData("x-long", "Seite nicht gefunden")]
    [InlineData("en-US", "Page not found")]
    [InlineData("xx&culture=en", "Seite nicht gefunden")]
    public async Task StatusPage_OddCulture_German(string culture, string heading)
    {
        var value = culture switch
        {
            "x-long" => new string('x', 10_000),
            "xx&culture=en" => culture,
            _ => Uri.EscapeDataString(culture),
        };

        foreach (var url in new[] { "/gibt-es-nicht?culture=" + value, "/Catalog/Search?q=x&culture=" + value })
        {
            var response = await factory.CreateBrowserClient().GetAsync(url);

            Assert.True((int)response.StatusCode < 500, $"{url[..Math.Min(80, url.Length)]} → {(int)response.StatusCode}");
            var page = await Html.ParseAsync(response);
            if (url.StartsWith("/gibt", StringComparison.Ordinal))
            {
                Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
            }
        }
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string returnUrl)
    {
        var page = await Html.GetDocumentAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/Catalog"));
        var form = (IHtmlFormElement)page.QuerySelector("#login-form")!;
        return await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
            ["ReturnUrl"] = returnUrl,
        });
    }
}
