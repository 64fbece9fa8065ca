using System.Diagnostics;
using System.Globalization;
using Grundschutz.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Starts the real app on Kestrel (loopback, fresh SQLite with the Kompendium imported), sends 200 search
/// requests with varying queries and filters, and reports the p50/p95/max of the server's own time
/// (Server-Timing header) and of the round trip. Target: p95 server time ≤ 50 ms.
/// </summary>
public static class SearchLoad
{
    private static readonly string[] Queries =
    [
        "Datensicherung", "Passwort", "Administration", "Protokollierung", "Firewall", "Schulung", "Notfall",
        "Verschlüsselung", "Virenschutz", "Berechtigungen", "Patch", "Cloud", "Drucker", "Webserver", "Sicherheitsrichtlinie",
        "pruefung", "DATENSCHUTZ", "Server Raum", "mobile Geräte", "Active Directory",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var dir = Path.Combine(Path.GetTempPath(), "grundschutz-search-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var app = GrundschutzApp.Build(
        [
            .. BenchData.ReportFolders,
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Grundschutz=Data Source={Path.Combine(dir, "bench.db")}",
            "--Startup:DemoData=false",
            $"--CatalogImport:ImportOnStart:0={BenchData.Kompendium}",
            $"--DataProtection:KeysDirectory={Path.Combine(dir, "keys")}",
            "--Logging:LogLevel:Default=Warning",
            "--environment=Production",
        ]);
        await GrundschutzApp.InitializeAsync(app);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            // Warm-up (JIT, query compilation), not counted.
            for (var i = 0; i < 20; i++)
            {
                (await client.GetAsync(Url(i))).EnsureSuccessStatusCode();
            }

            var server = new List<double>(requests);
            var roundTrip = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(Url(i));
                await response.Content.ReadAsStringAsync();
                roundTrip.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                var timing = response.Headers.GetValues("Server-Timing").First();
                server.Add(double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture));
            }

            Console.WriteLine($"Kompendium search, {requests} requests (after 20 warm-up):");
            Console.WriteLine($"  server time  p50 {Percentile(server, 50):0.0} ms  p95 {Percentile(server, 95):0.0} ms  max {server.Max():0.0} ms");
            Console.WriteLine($"  round trip   p50 {Percentile(roundTrip, 50):0.0} ms  p95 {Percentile(roundTrip, 95):0.0} ms  max {roundTrip.Max():0.0} ms");
            var ok = Percentile(server, 95) <= 50;
            Console.WriteLine(ok ? "  target p95 ≤ 50 ms: met" : "  target p95 ≤ 50 ms: NOT met");
            return ok ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Url(int i)
    {
        var q = Uri.EscapeDataString(Queries[i % Queries.Length]);
        return (i % 4) switch
        {
            0 => $"/Catalog/Search?q={q}",
            1 => $"/Catalog/Search?q={q}&level=Basis",
            2 => $"/Catalog/Search?q={q}&page=2",
            _ => $"/Catalog/Search?q={q}&top=SYS",
        };
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
