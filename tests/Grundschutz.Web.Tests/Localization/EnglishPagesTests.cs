using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Localization;

/// <summary>
/// The account pages and the status page in the English UI: validation messages, Identity's password rules, status
/// messages and the 404 page are English, not the German keys. Each test reads the text the user sees.
/// </summary>
public sealed class EnglishPagesTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private const string Password = "Richtig-Passwort-1";

    private static List<string> Summary(IHtmlDocument page) =>
        page.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()).ToList();

    [Theory]
    [InlineData(true, "Please enter your user name.", "Please enter your password.")]
    [InlineData(false, "Bitte geben Sie Ihren Benutzernamen ein.", "Bitte geben Sie Ihr Passwort ein.")]
    public async Task Login_EmptyFields_RequiredMessagesInThePagesLanguage(bool english, string userName, string password)
    {
        var client = factory.CreateBrowserClient();
        var page = await Html.GetDocumentAsync(client, english ? Html.English("/Account/Login") : "/Account/Login");

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#login-form")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Equal(english ? "en" : "de", result.DocumentElement.GetAttribute("lang"));
        // The summary lists the model state in its own order, not the form's.
        Assert.Equal(new[] { userName, password }.Order(StringComparer.Ordinal), Summary(result).Order(StringComparer.Ordinal));
        Assert.Equal(userName, result.QuerySelector("#Input_UserName-error")!.TextContent.Trim());
    }

    private async Task<(HttpClient Client, IHtmlFormElement Form)> ChangePasswordFormAsync(string userName, bool english)
    {
        await factory.CreateUserAsync(userName, Password);
        var client = factory.CreateBrowserClient();
        await Html.LoginAsync(client, userName, Password);
        var page = await Html.GetDocumentAsync(client, english ? Html.English("/Account/ChangePassword") : "/Account/ChangePassword");
        return (client, (IHtmlFormElement)page.QuerySelector("#change-password-form")!);
    }

    /// <summary>
    /// The password rules and the wrong current password come from Identity (through the app's error describer), not
    /// from the form's attributes: in the English UI they are English.
    /// </summary>
    [Theory]
    [InlineData("cp-en-weak", Password, "nur-kleinbuchstaben-ohne-ziffer",
        new[] { "The password must contain at least one digit.", "The password must contain at least one uppercase letter." })]
    [InlineData("cp-en-wrong", "Falsch-Passwort-1", "Neues-Passwort-123", new[] { "The current password is wrong." })]
    public async Task ChangePassword_IdentityRefusesInEnglish_MessagesInEnglish(string userName, string current, string newPassword, string[] expected)
    {
        var (client, form) = await ChangePasswordFormAsync(userName, english: true);

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Summary(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task ChangePassword_IdentityRefusesInGerman_MessagesInGerman()
    {
        var (client, form) = await ChangePasswordFormAsync("cp-de-weak", english: false);

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "nur-kleinbuchstaben-ohne-ziffer",
            ["Input.ConfirmPassword"] = "nur-kleinbuchstaben-ohne-ziffer",
        });

        Assert.Equal(
            ["Das Passwort muss mindestens eine Ziffer enthalten.", "Das Passwort muss mindestens einen Großbuchstaben enthalten."],
            Summary(await Html.ParseAsync(response)));
    }

    /// <summary>
    /// One attribute with one message for both bounds told a 100,000-character password that it was too short; now the
    /// upper bound has its own message, in the page's language, and a short password still hears about the lower one.
    /// </summary>
    [Theory]
    [InlineData("cp-long-en", true, 100_000, "The password may be at most 256 characters long.")]
    [InlineData("cp-long-de", false, 100_000, "Das Passwort darf höchstens 256 Zeichen lang sein.")]
    [InlineData("cp-short-en", true, 11, "The password must be at least 12 characters long.")]
    [InlineData("cp-short-de", false, 11, "Das Passwort muss mindestens 12 Zeichen lang sein.")]
    public async Task ChangePassword_NewPasswordOutOfBounds_MessageNamesTheBoundCrossed(string userName, bool english, int length, string expected)
    {
        var (client, form) = await ChangePasswordFormAsync(userName, english);
        var newPassword = string.Concat(Enumerable.Repeat("Aa1", (length / 3) + 1))[..length];

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], Summary(await Html.ParseAsync(response)));
    }

    /// <summary>A user name Identity refuses (taken) on the administrator's create form, in the English UI.</summary>
    [Fact]
    public async Task CreateUser_DuplicateUserNameInEnglish_MessageInEnglish()
    {
        await factory.CreateUserAsync("taken-en", Password, Roles.Facilitator);
        var client = await factory.CreateAdminClientAsync("admin-en-create");
        var page = await Html.GetDocumentAsync(client, Html.English("/Admin/Users/Create"));

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#user-form")!, new Dictionary<string, string>
        {
            ["Input.UserName"] = "taken-en",
            ["Input.DisplayName"] = "Taken",
            ["Input.Role"] = Roles.Facilitator,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Equal("The user name “taken-en” is already taken.", result.QuerySelector("#Input_UserName-error")?.TextContent.Trim());
    }

    /// <summary>The language chosen with the switch (cookie) holds for the status message after a redirect.</summary>
    [Fact]
    public async Task ChangePasswordAndLogout_EnglishChosen_StatusMessagesInEnglish()
    {
        var (client, _) = await ChangePasswordFormAsync("cp-en-done", english: false);
        var home = await Html.GetDocumentAsync(client, "/");
        var switched = await Html.SubmitAsync(
            client, (IHtmlFormElement)home.QuerySelector("#language-switch")!.Closest("form")!, submitter: (IHtmlElement)home.QuerySelector("#language-switch")!);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var page = await Html.GetDocumentAsync(client, "/Account/ChangePassword");

        var changed = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#change-password-form")!, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "Neues-Passwort-123",
            ["Input.ConfirmPassword"] = "Neues-Passwort-123",
        }));
        Assert.Equal("Your password has been changed.", changed.QuerySelector("#status-message")?.TextContent.Trim());

        var loggedOut = await Html.FollowRedirectAsync(
            client, await Html.SubmitAsync(client, (IHtmlFormElement)changed.QuerySelector("#logout-button")!.Closest("form")!));
        Assert.Equal("You have been signed out.", loggedOut.QuerySelector("#status-message")?.TextContent.Trim());
    }

    /// <summary>
    /// The status page is re-executed without the original query string; it still speaks the language the query asked
    /// for, with the same rules as the rest of the app (a regional variant falls back to its language, an unsupported
    /// culture leaves German).
    /// </summary>
    [Theory]
    [InlineData("", "de", "Seite nicht gefunden")]
    [InlineData("?culture=en", "en", "Page not found")]
    [InlineData("?ui-culture=en", "en", "Page not found")]
    [InlineData("?culture=en-GB", "en", "Page not found")]
    [InlineData("?culture=fr", "de", "Seite nicht gefunden")]
    public async Task StatusPage_UnknownPathWithCulture_InTheRequestedLanguage(string query, string lang, string heading)
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/does-not-exist" + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("#status-heading")?.TextContent.Trim());
    }
}
