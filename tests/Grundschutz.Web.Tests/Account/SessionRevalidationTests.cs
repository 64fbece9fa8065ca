using System.Net;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Account;

/// <summary>
/// A change to a user (role, municipality, lock, password – anything that renews the security stamp) reaches open
/// sessions within a minute: the stamp is checked when the cookie is older than the interval, not on every request.
/// The fixture's clock belongs to this class alone, so moving it does not disturb other tests.
/// </summary>
public sealed class SessionRevalidationTests : IClassFixture<GrundschutzWebFactory>
{
    private const string Password = "Sitzungs-Passwort-1";
    private readonly GrundschutzWebFactory _factory;

    public SessionRevalidationTests(GrundschutzWebFactory factory) => _factory = factory;

    [Fact]
    public async Task ChangedSecurityStamp_EndsSessionOnceTheMinuteIsOver_NotBefore()
    {
        var user = await _factory.CreateUserAsync("stamp-changed", Password, Roles.Isb);
        var client = _factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Assessments")).StatusCode);

        await RenewStampAsync(user.Id);
        _factory.Time.Advance(TimeSpan.FromSeconds(50));
        var within = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);

        _factory.Time.Advance(TimeSpan.FromSeconds(20));
        var after = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Assessments")).StatusCode);
    }

    [Fact]
    public async Task UnchangedUser_StaysSignedIn_AndTheCookieIsRenewedOnlyWhenChecked()
    {
        var user = await _factory.CreateUserAsync("stamp-unchanged", Password, Roles.Isb);
        var client = _factory.CreateBrowserClient();
        await Html.LoginAsync(client, user.UserName!, Password);

        _factory.Time.Advance(TimeSpan.FromSeconds(30));
        var notDue = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.OK, notDue.StatusCode);
        Assert.False(SetsAuthCookie(notDue), "No check is due within the minute, so the cookie stays as it is.");

        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        var due = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.True(SetsAuthCookie(due), "The check found the stamp unchanged and issued a fresh cookie.");

        _factory.Time.Advance(TimeSpan.FromSeconds(30));
        var afterRenewal = await client.GetAsync("/Assessments");
        Assert.Equal(HttpStatusCode.OK, afterRenewal.StatusCode);
        Assert.False(SetsAuthCookie(afterRenewal), "The renewed cookie counts the minute from its renewal.");
    }

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("grundschutz.auth=", StringComparison.Ordinal));

    private async Task RenewStampAsync(string userId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        var result = await users.UpdateSecurityStampAsync(user!);
        Assert.True(result.Succeeded);
    }
}
