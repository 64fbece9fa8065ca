using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Auditor dashboard at realistic scale: starts the real app on Kestrel (loopback, fresh SQLite – or PostgreSQL with
/// GRUNDSCHUTZ_LOAD_POSTGRES, see <see cref="BenchDatabase"/> – Kompendium 2023 imported),
/// imports all 10,751 municipalities from the GV100AD file in ../shared, seeds NRW (396 municipalities, three rounds, full
/// answers against the Kompendium) with the <c>seed</c> code path, signs in as an auditor for NRW and requests the
/// dashboard (and a filtered view) N times, reading the server's own time from Server-Timing, then the benchmark
/// workbook 5 times. With <c>--germany</c> it then seeds the 15 other Länder (KPI snapshots without stored answers,
/// see docs/benchmarking.md) and measures NRW again. Targets: dashboard ≤ 1 s, workbook ≤ 5 s, peak working set ≤ 500 MB.
/// </summary>
public static partial class DashboardBenchmarks
{
    private const string Password = "Bench-Passwort-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 20;
        var germany = args.Contains("--germany");
        var dir = Path.Combine(Path.GetTempPath(), "grundschutz-dashboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // GRUNDSCHUTZ_LOAD_POSTGRES: against a PostgreSQL database of its own instead of a SQLite file (BenchDatabase).
        await using var database = BenchDatabase.Create(dir, "bench.db", "gs_dashboard_");
        var app = GrundschutzApp.Build(
        [
            .. BenchData.ReportFolders,
            "--urls=http://127.0.0.1:0",
            .. database.Settings,
            "--Startup:DemoData=false",
            $"--CatalogImport:ImportOnStart:0={BenchData.Kompendium}",
            $"--DataProtection:KeysDirectory={Path.Combine(dir, "keys")}",
            "--Logging:LogLevel:Default=Warning",
            "--environment=Production",
        ]);
        await GrundschutzApp.InitializeAsync(app);
        await app.StartAsync();
        var ok = true;
        try
        {
            if (database.IsPostgres)
            {
                await using var scope = app.Services.CreateAsyncScope();
                Console.WriteLine($"Database: {await BenchDatabase.DescribePostgresAsync(scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>())} on this machine.");
            }

            var sw = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var import = await scope.ServiceProvider.GetRequiredService<MunicipalityImportService>()
                    .ImportAsync(MunicipalityImportFile.FromPath(BenchData.Shared("reference-data/GV100AD_30112025.txt")), CancellationToken.None);
                Console.WriteLine($"GV100AD: {import.Municipalities:N0} municipalities in {sw.Elapsed.TotalSeconds:0.0} s.");
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                var auditor = new ApplicationUser { UserName = "bench-pruefer", DisplayName = "Bench Prüfer", AuditorLands = "|05|" };
                Check(await users.CreateAsync(auditor, Password));
                Check(await users.AddToRoleAsync(auditor, Roles.Auditor));
            }

            await SeedAsync(app.Services, ["05"], kpisOnly: false, database);
            var seedingPeak = StartServingPhase();

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var handler = new CookieJarHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            await LoginAsync(client, "bench-pruefer");

            ok &= await MeasureAsync(client, "NRW", requests);
            var servingPeak = PeakWorkingSet();
            if (germany)
            {
                await SeedAsync(app.Services, null, kpisOnly: true, database);
                seedingPeak = Math.Max(seedingPeak, StartServingPhase());
                ok &= await MeasureAsync(client, "NRW with all of Germany in the database", requests);
                servingPeak = Math.Max(servingPeak, PeakWorkingSet());
            }

            var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(CanResetPeak
                ? $"Process memory: peak working set while serving dashboards and workbooks {servingPeak / 1048576.0:0} MB; while seeding (in this process; the seed verb runs as its own process in a deployment) {seedingPeak / 1048576.0:0} MB; working set now {process.WorkingSet64 / 1048576.0:0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB."
                : $"Process memory: peak working set {servingPeak / 1048576.0:0} MB (seeding included: the peak could not be reset), working set now {process.WorkingSet64 / 1048576.0:0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB.");
            ok &= servingPeak <= 500L * 1024 * 1024;
            Console.WriteLine(ok ? "All targets met." : "A target was missed.");
            return ok ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static async Task SeedAsync(IServiceProvider services, IReadOnlyCollection<string>? lands, bool kpisOnly, BenchDatabase database)
    {
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<BenchmarkSeeder>();
        var result = await seeder.SeedAsync(new BenchmarkSeedOptions(lands?.ToList() ?? AllButNrw(), [2024, 2025, 2026], kpisOnly), null, CancellationToken.None);
        Console.WriteLine($"Seeded {(lands is null ? "the other 15 Länder" : "Land " + string.Join(",", lands))}{(kpisOnly ? " (KPI snapshots, answers not stored)" : "")}: " +
            $"{result.Municipalities:N0} municipalities, {result.Assessments:N0} assessments, {result.Pairs:N0} pairs, {result.Answers:N0} answer rows in {result.Elapsed.TotalSeconds:0.0} s; {await database.DescribeSizeAsync(services)} now.");
    }

    private static bool CanResetPeak { get; set; }

    /// <summary>
    /// Ends a seeding phase: returns the peak working set so far, collects the seeder's garbage and resets the kernel's
    /// peak (VmHWM, by writing 5 to /proc/self/clear_refs – Linux), so that the next reading is the serving phase's own.
    /// </summary>
    private static long StartServingPhase()
    {
        var peak = PeakWorkingSet();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            CanResetPeak = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CanResetPeak = false;
        }

        return peak;
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static List<string> AllButNrw() => [.. Grundschutz.Domain.Municipalities.Land.All.Select(l => l.Code).Where(c => c != "05")];

    private static async Task<bool> MeasureAsync(HttpClient client, string label, int requests)
    {
        Console.WriteLine($"== {label}");
        var ok = true;
        string[] urls = ["/Benchmarks", "/Benchmarks?groesse=2&grundlage=eingereicht", "/Benchmarks?jahr=2025"];
        foreach (var url in urls)
        {
            var first = await TimeAsync(client, url);
            for (var i = 0; i < 2; i++)
            {
                await TimeAsync(client, url);
            }

            var times = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                times.Add(await TimeAsync(client, url));
            }

            var p95 = Percentile(times, 95);
            Console.WriteLine($"  {url}: first {first:0} ms, p50 {Percentile(times, 50):0} ms, p95 {p95:0} ms, max {times.Max():0} ms (server time, {requests} requests)");
            ok &= p95 <= 1000;
        }

        var excel = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync("/Benchmarks?handler=Excel");
            response.EnsureSuccessStatusCode();
            bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            sw.Stop();
            excel.Add(ServerTime(response));
        }

        Console.WriteLine($"  workbook: p50 {Percentile(excel, 50):0} ms, max {excel.Max():0} ms (server time, 5 requests), {bytes / 1024.0:0} KiB");
        ok &= excel.Max() <= 5000;
        return ok;
    }

    private static async Task<double> TimeAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return ServerTime(response);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static async Task LoginAsync(HttpClient client, string userName)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var response = await client.PostAsync("/Account/Login", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login failed: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static double ServerTime(HttpResponseMessage response)
    {
        var timing = response.Headers.GetValues("Server-Timing").First();
        return double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>Plays the TLS-terminating proxy (X-Forwarded-Proto: https) and keeps the app's cookies over plain HTTP on loopback.</summary>
    private sealed class CookieJarHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    var pair = value.Split(';', 2)[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        _cookies[pair[..eq]] = pair[(eq + 1)..];
                    }
                }
            }

            return response;
        }
    }
}
