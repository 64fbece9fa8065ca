using AngleSharp.Html.Dom;
using Grundschutz.Web.Pages.Account;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Grundschutz.Web.Tests.Account;

/// <summary>
/// The security log an operator reads (journald, a log shipper: one entry per line). A user name sent to the login form
/// is the client's text – line breaks included –, so it is written escaped: a failed login cannot forge a line such as
/// „Security: admin signed in“. Sign-ins and lockouts name the client's address like failed logins do; no password
/// ever appears.
/// </summary>
public sealed class SecurityLogTests
{
    private const string Password = "Log-Passwort-1234";

    [Fact]
    public async Task FailedLogin_UserNameWithLineBreaks_IsOneEscapedLine()
    {
        using var factory = new LoggingWebFactory();
        using var client = factory.CreateBrowserClient();

        using var response = await PostLoginAsync(client, "niemand\nwarn: LoginModel[0] Security: admin signed in\r\n", "Falsch-Passwort-99");

        var entry = Assert.Single(SecurityEntries(factory), e => e.Message.Contains("failed login", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(@"Security: failed login for niemand\nwarn: LoginModel[0] Security: admin signed in\r\n", entry.Message[..entry.Message.LastIndexOf(" from ", StringComparison.Ordinal)]);
        Assert.DoesNotContain(SecurityEntries(factory), e => e.Message.IndexOfAny(['\r', '\n']) >= 0);
        Assert.DoesNotContain(SecurityEntries(factory), e => e.Message.Contains("signed in from", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log.Entries, e => e.Message.Contains("Falsch-Passwort-99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInAndLockout_NameTheUserAndTheAddress_NeverThePassword()
    {
        using var factory = new LoggingWebFactory();
        await factory.CreateUserAsync("log-isb", Password);
        using var client = factory.CreateBrowserClient();

        using (var signedIn = await PostLoginAsync(client, "log-isb", Password))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var other = factory.CreateBrowserClient();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var failed = await PostLoginAsync(other, "log-isb", "Falsch-Passwort-99");
        }

        var messages = SecurityEntries(factory).Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Security: log-isb signed in from ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Security: login for log-isb from ", StringComparison.Ordinal) && m.EndsWith(" refused, account locked out", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log.Entries, e => e.Message.Contains(Password, StringComparison.Ordinal) || e.Message.Contains("Falsch-Passwort-99", StringComparison.Ordinal));
    }

    private static IEnumerable<LogEntry> SecurityEntries(LoggingWebFactory factory) =>
        factory.Log.Entries.Where(e => e.Category == typeof(LoginModel).FullName && e.Message.StartsWith("Security:", StringComparison.Ordinal));

    /// <summary>
    /// Posts the login form as a client's own request would (the browser form would drop line breaks from an input's
    /// value; an attacker's request does not), with the page's anti-forgery token.
    /// </summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await Html.GetDocumentAsync(client, "/Account/Login");
        var form = (IHtmlFormElement)page.QuerySelector("#login-form")!;
        var token = ((IHtmlInputElement)form.Elements["__RequestVerificationToken"]!).Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
    }
}
