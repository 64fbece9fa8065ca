using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// Every request comes from a reverse proxy at 10.20.0.5 (another machine) that names the real client in
/// <c>X-Forwarded-For</c>. The login rate limit (2 per address and minute here) must count per real client when the
/// proxy is trusted (by address or network) – and must not believe the header when it is not, or anyone could pick a
/// fresh address for every guess.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.20.0.5";

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", Proxy)]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.20.0.0/24")]
    public async Task TrustedProxy_LoginLimitCountsPerForwardedClient(string key, string value)
    {
        using var factory = new ProxiedFactory();
        factory.Settings["Security:LoginAttemptsPerMinute"] = "2";
        factory.Settings[key] = value;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await LoginAttemptsAsync(factory, "198.51.100.7", 3));
        // Another citizen behind the same proxy still gets in.
        Assert.Equal([HttpStatusCode.OK], await LoginAttemptsAsync(factory, "198.51.100.8", 1));
    }

    [Fact]
    public async Task UntrustedProxy_ForwardedAddressIgnored_LimitCountsPerProxy()
    {
        using var factory = new ProxiedFactory();
        factory.Settings["Security:LoginAttemptsPerMinute"] = "2";
        // A proxy in another network is trusted – not the one the requests come from.
        factory.Settings["ReverseProxy:KnownNetworks:0"] = "10.30.0.0/24";

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await LoginAttemptsAsync(factory, "198.51.100.7", 2));
        // A made-up client address does not open a new allowance.
        Assert.Equal([HttpStatusCode.TooManyRequests], await LoginAttemptsAsync(factory, "198.51.100.8", 1));
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "10.20.0.300", "„10.20.0.300“ ist keine IP-Adresse")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.20.0.5", "„10.20.0.5“ ist kein Netz in CIDR-Schreibweise")]
    public void WrongEntry_StopsTheStart_NamingIt(string key, string value, string message)
    {
        // Built as the server builds it: the start-up check stops it (the process prints the message and exits with 1,
        // StartupConfigurationTests).
        var error = Assert.Throws<Grundschutz.Infrastructure.StartupException>(() => GrundschutzApp.Build(
            [$"--contentRoot={Grundschutz.TestSupport.SharedFiles.InRepository("src/Grundschutz.Web")}", $"--{key}={value}"]));
        Assert.Contains($"{key[..key.LastIndexOf(':')]}: {message}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Each attempt: a fresh client gets the login form and posts a wrong password, forwarded for <paramref name="client"/>.</summary>
    private static async Task<List<HttpStatusCode>> LoginAttemptsAsync(ProxiedFactory factory, string client, int attempts)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            using var http = factory.CreateBrowserClient();
            http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var page = await Html.GetDocumentAsync(http, "/Account/Login");
            var response = await Html.SubmitAsync(http, (IHtmlFormElement)page.QuerySelector("#login-form")!, new Dictionary<string, string>
            {
                ["Input.UserName"] = "niemand",
                ["Input.Password"] = "Falsch-Passwort-" + i,
            });
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>The app as reached through the proxy: the connection's remote address is the proxy's.</summary>
    private sealed class ProxiedFactory : GrundschutzWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FromProxy>());
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
