using System.Net;
using System.Text;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// <see cref="RequestGate"/> in the real pipeline: the test holds the gate's places itself (as requests in work would)
/// and watches what the next requests get – a wait in arrival order, 503 beyond the queue, static files regardless.
/// </summary>
public sealed class RequestGateTests
{
    private const string Page = "/Account/Login";

    [Fact]
    public async Task Full_QueueFull_RequestGets503WithRetryAfterInGermanAndEnglish_StaticFilesStillServed()
    {
        using var factory = Factory(limit: 1, queue: 0);
        var (client, gate) = await StartAsync(factory);

        using (var held = await gate.HoldAsync(CancellationToken.None))
        {
            Assert.NotNull(held);
            using var refused = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.True(refused.Headers.CacheControl?.NoStore);
            Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("gerade ausgelastet", text, StringComparison.Ordinal);
            Assert.Contains("The service is busy", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<", text, StringComparison.Ordinal);

            // Static files come before the gate; uploads (multipart above 256 KB) pass it – this one reaches the app,
            // which refuses it for its missing anti-forgery token, not the gate.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
            using var upload = new MultipartFormDataContent { { new ByteArrayContent(new byte[RequestGate.UploadBypassBytes + 1]), "upload", "nachweis.pdf" } };
            using var uploaded = await client.PostAsync(Page, upload);
            Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);

            // A small multipart post (the questionnaire's autosave sends its form so) takes a place like any request.
            using var autosave = new MultipartFormDataContent { { new StringContent("Ja"), "Input.Status" } };
            using var refusedAutosave = await client.PostAsync(Page, autosave);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedAutosave.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task Refusals_LoggedOncePerTenSeconds_WithTheCount()
    {
        using var factory = new LoggingWebFactory();
        Limit(factory, limit: 1, queue: 0);
        var (client, gate) = await StartAsync(factory);
        List<string> Warnings() => factory.Log.Entries
            .Where(e => e.Category == typeof(RequestGate).FullName && e.Level == LogLevel.Warning)
            .Select(e => e.Message)
            .ToList();

        using (await gate.HoldAsync(CancellationToken.None))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(Page)).StatusCode);
            }

            // The first refusal is logged at once, the next two within the same 10 s are counted.
            var first = Assert.Single(Warnings());
            Assert.StartsWith("Server busy: 1 request(s) refused with 503 – 1 in work and 0 waiting", first, StringComparison.Ordinal);

            factory.Time.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(Page)).StatusCode);
            Assert.Equal(2, Warnings().Count);
            Assert.StartsWith("Server busy: 3 request(s) refused", Warnings()[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Full_RequestsWaitAndAreServedInArrivalOrder_WhenAPlaceFrees()
    {
        using var factory = Factory(limit: 1, queue: 10);
        var (client, gate) = await StartAsync(factory);

        // The test holds the only place; in the queue: a request, the test's second hold, another request.
        var held = await gate.HoldAsync(CancellationToken.None);
        Assert.NotNull(held);
        var first = client.GetAsync(Page);
        await WaitUntilAsync(() => gate.Waiting == 1);
        var secondHold = gate.HoldAsync(CancellationToken.None);
        await WaitUntilAsync(() => gate.Waiting == 2);
        var last = client.GetAsync(Page);
        await WaitUntilAsync(() => gate.Waiting == 3);

        // Nothing gets past the held place.
        await Task.Delay(200);
        Assert.False(first.IsCompleted);

        // Freed: the first request is served, then the second hold gets the place – the later request still waits.
        held!.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        using (var hold = await secondHold.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.NotNull(hold);
            Assert.Equal(1, gate.Waiting);
            await Task.Delay(200);
            Assert.False(last.IsCompleted);
        }

        Assert.Equal(HttpStatusCode.OK, (await last).StatusCode);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Waiting_ClientGivesUp_LeavesTheQueue()
    {
        using var factory = Factory(limit: 1, queue: 1);
        var (client, gate) = await StartAsync(factory);

        using (var held = await gate.HoldAsync(CancellationToken.None))
        {
            using var giveUp = new CancellationTokenSource();
            var waiting = client.GetAsync(Page, giveUp.Token);
            await WaitUntilAsync(() => gate.Waiting == 1);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            await WaitUntilAsync(() => gate.Waiting == 0);

            // Its place in the queue is free again: the next one may wait (and is not refused).
            var next = client.GetAsync(Page);
            await WaitUntilAsync(() => gate.Waiting == 1);
            held!.Dispose();
            Assert.Equal(HttpStatusCode.OK, (await next).StatusCode);
        }
    }

    [Fact]
    public async Task Default_EightPerProcessorOnSqlite_NoLimitOnPostgres_ZeroMeansNoLimit()
    {
        using (var factory = new GrundschutzWebFactory())
        {
            var gate = factory.Services.GetRequiredService<RequestGate>();
            Assert.Equal(GrundschutzWebFactory.PostgresBase is null ? RequestConcurrencyOptions.DefaultPerProcessor * Environment.ProcessorCount : 0, gate.Limit);
            Assert.Equal(1000, gate.QueueLimit);
        }

        using var unlimited = Factory(limit: 0, queue: 0);
        using var client = unlimited.CreateBrowserClient();
        Assert.Equal(0, unlimited.Services.GetRequiredService<RequestGate>().Limit);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);
    }

    [Theory]
    [InlineData("Server:MaxConcurrentRequests", "-1")]
    [InlineData("Server:RequestQueueLimit", "-5")]
    public void NegativeSetting_StartFailsNamingIt(string key, string value)
    {
        // Built as the server builds it: the start-up check stops it (the process prints the message and exits with 1,
        // StartupConfigurationTests).
        var error = Assert.Throws<Grundschutz.Infrastructure.StartupException>(() => GrundschutzApp.Build(
            [$"--contentRoot={Grundschutz.TestSupport.SharedFiles.InRepository("src/Grundschutz.Web")}", $"--{key}={value}"]));
        Assert.StartsWith(key + ": " + value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExampleSettingsNull_BindsToTheDefault()
    {
        // appsettings.example.json writes "MaxConcurrentRequests": null – that must mean "8 per processor", not 0.
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "Server": { "MaxConcurrentRequests": null, "RequestQueueLimit": 7 } }"""));
        var options = new ConfigurationBuilder().AddJsonStream(json).Build().GetSection(RequestConcurrencyOptions.SectionName).Get<RequestConcurrencyOptions>()!;
        Assert.Null(options.MaxConcurrentRequests);
        Assert.Equal(7, options.RequestQueueLimit);
        Assert.Equal(RequestConcurrencyOptions.DefaultPerProcessor * 3, options.EffectiveLimit(3, DatabaseProvider.Sqlite));
        Assert.Equal(0, options.EffectiveLimit(3, DatabaseProvider.Postgres));
        options.MaxConcurrentRequests = 12;
        Assert.Equal(12, options.EffectiveLimit(3, DatabaseProvider.Postgres));
    }

    private static GrundschutzWebFactory Factory(int limit, int queue) => Limit(new GrundschutzWebFactory(), limit, queue);

    private static GrundschutzWebFactory Limit(GrundschutzWebFactory factory, int limit, int queue)
    {
        factory.Settings["Server:MaxConcurrentRequests"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Server:RequestQueueLimit"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory;
    }

    /// <summary>A client (the factory disposes the clients it created) after one page was served, and the app's gate.</summary>
    private static async Task<(HttpClient Client, RequestGate Gate)> StartAsync(GrundschutzWebFactory factory)
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);
        return (client, factory.Services.GetRequiredService<RequestGate>());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The gate did not reach the expected state within 10 s.");
            await Task.Delay(10);
        }
    }
}
