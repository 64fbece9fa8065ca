using System.Net;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Grundschutz.Web.Tests.Startup;

/// <summary>
/// A load balancer in front of several instances asks <c>/health</c> whether an instance can serve (its database
/// answers) and <c>/health/live</c> whether the process does. Both answer anonymously, with a bare status word and no
/// details (no connection string, server name or exception for whoever asks), and are never cached.
/// </summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grundschutz-health-tests", Guid.NewGuid().ToString("N"));

    public HealthEndpointTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Health_DatabaseAnswers_200Healthy_Anonymous_NotCached()
    {
        using var factory = new GrundschutzWebFactory();
        using var client = factory.CreateBrowserClient();

        foreach (var path in new[] { "/health", "/health/live" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
        }
    }

    [Fact]
    public async Task Health_DatabaseGone_503Unhealthy_WithoutDetails_LiveStill200()
    {
        // SQLite on a file of this test's (also when the web tests run on PostgreSQL: the endpoint is the subject here),
        // without kept connections, so that moving the file away takes the database from the app.
        var file = Path.Combine(_folder, "health.db");
        using var factory = new GrundschutzWebFactory();
        factory.Settings["Database:Provider"] = "Sqlite";
        factory.Settings["ConnectionStrings:Grundschutz"] = $"Data Source={file}";
        factory.Settings["Database:SqliteStatementCache"] = "false";
        using var client = factory.CreateBrowserClient();
        using (var up = await client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        SqliteConnection.ClearAllPools();
        File.Move(file, file + ".moved");

        using var down = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }
}
