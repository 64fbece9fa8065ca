using System.Diagnostics;
using System.Text.Json;

using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.TestSupport;
using Grundschutz.Web.Cli;
using Grundschutz.Web.Tests.Cli;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Xunit.Abstractions;

namespace Grundschutz.Web.Tests.Municipalities;

public sealed class MunicipalityImportCliTests(ITestOutputHelper output) : IDisposable
{
    private readonly CliTestHost _host = new();

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => _host.RunAsync(args);

    private async Task<int> CountAsync()
    {
        await using var db = _host.NewContext();
        return await db.Municipalities.CountAsync();
    }

    [Fact]
    public async Task Import_Fixture_PrintsCountsAndSecondRunIsUnchanged()
    {
        var (exit, stdout, error) = await RunAsync("municipalities", "import", MunicipalityTestData.FixturePath);

        Assert.True(exit == 0, error);
        Assert.Equal("gv100ad-mini.txt: Gebietsstand 30.11.2025, 5 Gemeinden: 5 neu, 0 geändert, 0 unverändert (2 gemeindefreie Gebiete übersprungen).", stdout.Trim());

        var (exit2, json, _) = await RunAsync("municipalities", "import", MunicipalityTestData.FixturePath, "--json");

        Assert.Equal(0, exit2);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("2025-11-30", root.GetProperty("gebietsstand").GetString());
        Assert.Equal((5, 0, 0, 5), (root.GetProperty("municipalities").GetInt32(), root.GetProperty("added").GetInt32(), root.GetProperty("updated").GetInt32(), root.GetProperty("unchanged").GetInt32()));
        Assert.Equal(5, await CountAsync());
    }

    [Fact]
    public async Task Import_BrokenFile_ExitsWithOneNamesTheLineAndSavesNothing()
    {
        var broken = Path.Combine(_host.Folder, "kaputt.txt");
        var lines = await File.ReadAllLinesAsync(MunicipalityTestData.FixturePath);
        lines[6] = lines[6][..10] + "0519900 " + lines[6][18..]; // AGS with 7 digits and a blank
        await File.WriteAllLinesAsync(broken, lines);

        var (exit, stdout, error) = await RunAsync("municipalities", "import", broken, "--json");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("kaputt.txt (Zeile 7): Der Amtliche Gemeindeschlüssel muss aus genau 8 Ziffern bestehen.", error, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts gespeichert.", error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWithOne()
    {
        var (exit, _, error) = await RunAsync("municipalities", "import", Path.Combine(_host.Folder, "gibt-es-nicht.txt"));

        Assert.Equal(1, exit);
        Assert.Contains("gibt-es-nicht.txt", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("municipalities import")]
    [InlineData("municipalities import a.txt b.txt")]
    [InlineData("municipalities export")]
    public async Task Import_WrongUsage_ExitsWithTwo(string commandLine)
    {
        var (exit, _, error) = await RunAsync(commandLine.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains("municipalities import", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_OfficialDirectory_Reports10751AndReimportChangesNothing()
    {
        var file = SharedFiles.Require("reference-data/GV100AD_30112025.txt");

        var watch = Stopwatch.StartNew();
        var (exit, stdout, error) = await RunAsync("municipalities", "import", file, "--json");
        watch.Stop();
        output.WriteLine($"First import of the official directory (incl. host start and migrations): {watch.ElapsedMilliseconds} ms");

        Assert.True(exit == 0, error);
        var first = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(10_751, first.GetProperty("municipalities").GetInt32());
        Assert.Equal(10_751, first.GetProperty("added").GetInt32());
        Assert.Equal(202, first.GetProperty("skippedGemeindefreieGebiete").GetInt32());
        Assert.Equal(10_751, await CountAsync());
        // "A few seconds" on SQLite; generous for slow CI machines.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"import took {watch.Elapsed}");

        watch.Restart();
        var (exit2, stdout2, _) = await RunAsync("municipalities", "import", file, "--json");
        output.WriteLine($"Re-import: {watch.ElapsedMilliseconds} ms");

        Assert.Equal(0, exit2);
        var second = JsonDocument.Parse(stdout2).RootElement;
        Assert.Equal((0, 0, 10_751), (second.GetProperty("added").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(10_751, await CountAsync());
    }

    public void Dispose() => _host.Dispose();
}
