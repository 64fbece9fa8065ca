using System.Diagnostics;
using Grundschutz.TestSupport;
using Grundschutz.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Grundschutz.Browser.Tests;

/// <summary>
/// The real app on Kestrel (127.0.0.1, random port, fresh SQLite, demo data on) and Debian's Chromium driven by
/// Playwright. Never downloads a browser: without /usr/bin/chromium the tests skip with a reason, and fail under CI=true.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DemoPassword = "Demo-Passwort-2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-browser", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots are kept as test artefacts here.</summary>
    public static string ArtefactDirectory { get; } = Path.Combine(SharedFiles.RepositoryRoot, "TestResults", "browser");

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium not installed at {ChromiumPath} (apt-get install -y chromium).";
            if (SharedFiles.IsCi)
            {
                throw new InvalidOperationException(reason + " CI=true: browser tests must not skip.");
            }

            return;
        }

        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(ArtefactDirectory);
        _app = GrundschutzApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--contentRoot={Path.Combine(SharedFiles.RepositoryRoot, "src", "Grundschutz.Web")}",
            $"--ConnectionStrings:Grundschutz=Data Source={Path.Combine(_directory, "browser.db")}",
            "--Startup:DemoData=true",
            $"--Startup:DemoCatalog={SharedFiles.InRepository("catalog/demo-katalog.json")}",
            $"--Startup:DemoPassword={DemoPassword}",
            "--CatalogImport:ImportOnStart:0=",
            "--CatalogImport:ImportOnStart:1=",
            "--CatalogImport:ImportOnStart:2=",
            "--CatalogImport:ImportOnStart:3=",
            $"--DataProtection:KeysDirectory={Path.Combine(_directory, "keys")}",
            // All browser tests share this host and sign in from 127.0.0.1: with the default of 10 login POSTs per
            // minute and address, a fast run got 429 on a login and timed out waiting for the redirect. The limit
            // itself is tested in the web tests (Security).
            "--Security:LoginAttemptsPerMinute=1000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await GrundschutzApp.InitializeAsync(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Skips (or fails under CI) when Chromium is missing.</summary>
    public void RequireBrowser() =>
        Skip.If(_app is null, $"Chromium not installed at {ChromiumPath}; browser tests skipped.");

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "de-DE",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in through the login form as a demo user (password <see cref="DemoPassword"/>).</summary>
    public async Task<IPage> SignedInPageAsync(string user, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", DemoPassword);
        await page.ClickAsync("#login-submit");
        try
        {
            await WaitForPageAsync(page, url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        }
        catch (TimeoutException ex)
        {
            // Say why the sign-in did not go on (an error summary, a status code page) instead of a bare timeout.
            await ScreenshotAsync(page, $"sign-in-failed-{user}");
            var text = (await page.InnerTextAsync("body", new() { Timeout = 5_000 })).Trim();
            throw new TimeoutException($"Sign-in of {user} did not leave {page.Url}; the page says: {text[..Math.Min(text.Length, 600)]}", ex);
        }

        return page;
    }

    /// <summary>
    /// Waits until the page has gone to a URL matching <paramref name="url"/> and that document has finished loading.
    /// Both are polled: Playwright's own wait (the URL, then the "load" lifecycle event) once hung for 30 s in CI after
    /// the login's post-redirect-get although the new page was completely there, and <c>WaitForURLAsync</c> waits for
    /// the "load" event whenever the URL already matches when it looks (whatever WaitUntil says) – so a navigation that
    /// committed between our look and its look hung it too (a keyboard search in CI stayed "at" the very URL it waited
    /// for). <c>page.Url</c> follows every committed navigation; "loaded" is read from the document itself
    /// (<c>document.readyState</c>).
    /// </summary>
    public static async Task WaitForPageAsync(IPage page, Func<string, bool> url, float? timeout = null)
    {
        var limit = timeout ?? 30_000;
        var waited = Stopwatch.StartNew();
        while (!url(page.Url))
        {
            if (waited.ElapsedMilliseconds > limit)
            {
                // Say where the page stayed and what it showed (a search once did not leave its form in CI).
                await ScreenshotAsync(page, "navigation-timeout-" + DateTime.UtcNow.Ticks);
                var text = (await page.InnerTextAsync("body", new() { Timeout = 5_000 })).Trim();
                var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : ''");
                throw new TimeoutException($"The page stayed at {page.Url} (focus: {focused}); it says: {text[..Math.Min(text.Length, 400)]}");
            }

            await Task.Delay(50);
        }

        // Polled from here: WaitForFunctionAsync evaluates its expression with eval, which the app's CSP refuses.
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<string>("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase))
            {
                // A further navigation (a redirect) replaced the document while it was asked; ask the new one.
            }

            if (waited.ElapsedMilliseconds > limit)
            {
                throw new TimeoutException($"{page.Url} did not finish loading within {waited.ElapsedMilliseconds} ms.");
            }

            await Task.Delay(50);
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
