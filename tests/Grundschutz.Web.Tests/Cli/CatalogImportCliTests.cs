using System.Text.Json;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.TestSupport;
using Grundschutz.Web.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Cli;

public sealed class CatalogImportCliTests : IDisposable
{
    private readonly CliTestHost _host = new();

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => _host.RunAsync(args);

    private async Task<int> CountVersionsAsync()
    {
        await using var db = _host.NewContext();
        return await db.CatalogVersions.CountAsync();
    }

    [Fact]
    public async Task Import_DemoCatalogWithJson_PrintsOneObjectPerDocument()
    {
        var (exit, output, error) = await RunAsync("catalog", "import", SharedFiles.InRepository("catalog/demo-katalog.json"), "--json");

        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("Demo-Katalog Kommunale Basissicherheit", root.GetProperty("title").GetString());
        Assert.Equal("2026.1", root.GetProperty("version").GetString());
        Assert.Equal(8, root.GetProperty("groups").GetInt32());
        Assert.Equal(15, root.GetProperty("requirements").GetInt32());
        Assert.Equal(0, root.GetProperty("withdrawn").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(1, await CountVersionsAsync());
    }

    [Fact]
    public async Task Import_BrokenFile_ExitsNonZeroNamesFileAndPositionAndSavesNothing()
    {
        var broken = Path.Combine(_host.Folder, "kaputt.json");
        await File.WriteAllTextAsync(broken, "{\n  \"catalog\": {\n    \"uuid\": ,\n  }\n}");

        var (exit, output, error) = await RunAsync("catalog", "import", SharedFiles.InRepository("catalog/demo-katalog.json"), broken, "--json");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("kaputt.json (Zeile 3", error, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts gespeichert.", error, StringComparison.Ordinal);
        Assert.Equal(0, await CountVersionsAsync());
    }

    [Fact]
    public async Task Import_MissingFile_ExitsNonZero()
    {
        var (exit, _, error) = await RunAsync("catalog", "import", Path.Combine(_host.Folder, "gibt-es-nicht.json"));

        Assert.Equal(1, exit);
        Assert.Contains("gibt-es-nicht.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoFile_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("catalog", "import");

        Assert.Equal(2, exit);
        Assert.Contains("mindestens eine Datei", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EntityExpansionXml_IsRefused()
    {
        var bomb = Path.Combine(_host.Folder, "bombe.xml");
        await File.WriteAllTextAsync(bomb, """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <book xmlns="http://docbook.org/ns/docbook">&lol2;</book>
            """);

        var (exit, _, error) = await RunAsync("catalog", "import", bomb);

        Assert.Equal(1, exit);
        Assert.Contains("bombe.xml", error, StringComparison.Ordinal);
        Assert.Equal(0, await CountVersionsAsync());
    }

    [SkippableFact]
    public async Task Import_OfficialCatalogues_ReportsExactCounts()
    {
        var files = new[]
        {
            SharedFiles.GsPlusPlus("BSI-Stand-der-Technik-Kernel-catalog.json"),
            SharedFiles.GsPlusPlus("BSI-Methodik-Grundschutz++-catalog.json"),
            SharedFiles.GsPlusPlus("BSI-Anforderungen-zum-Risikomanagement-catalog.json"),
            SharedFiles.GsPlusPlus("ISO27001-AnnexA-catalog.json"),
            SharedFiles.Kompendium2023,
        };

        var (exit, output, error) = await RunAsync(["catalog", "import", .. files, "--json"]);

        Assert.True(exit == 0, error);
        var docs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, docs.Count);
        Assert.Equal((117, 901, 0), Counts(docs[0]));
        Assert.Equal(95, docs[1].GetProperty("requirements").GetInt32());
        Assert.Equal(10, docs[2].GetProperty("requirements").GetInt32());
        Assert.Equal(93, docs[3].GetProperty("requirements").GetInt32());
        Assert.NotEqual(0, docs[3].GetProperty("warnings").GetArrayLength());
        Assert.Equal((121, 2125, 290), Counts(docs[4]));
        Assert.Contains(docs[4].GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("OPS.2.3.A22", StringComparison.Ordinal));

        // A second run is a no-op.
        var (exit2, output2, _) = await RunAsync("catalog", "import", files[0], "--json");
        Assert.Equal(0, exit2);
        Assert.True(JsonDocument.Parse(output2).RootElement.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(5, await CountVersionsAsync());
    }

    private static (int Groups, int Requirements, int Withdrawn) Counts(JsonElement e) =>
        (e.GetProperty("groups").GetInt32(), e.GetProperty("requirements").GetInt32(), e.GetProperty("withdrawn").GetInt32());

    [Theory]
    [InlineData(new[] { "catalog", "import", "a.json", "--json", "--Database:Provider=Sqlite" }, "catalog", "import", "a.json", "json", "--Database:Provider=Sqlite")]
    [InlineData(new[] { "catalog", "import", "a.json", "b.xml" }, "catalog", "import", "a.json|b.xml", "", "")]
    public void TryParse_SplitsVerbFilesFlagsAndConfiguration(string[] args, string noun, string verb, string files, string flag, string config)
    {
        Assert.True(CliArguments.TryParse(args, out var cli));
        Assert.Equal(noun, cli.Noun);
        Assert.Equal(verb, cli.Verb);
        Assert.Equal(files, string.Join('|', cli.Positional));
        Assert.Equal(flag, string.Join('|', cli.Flags));
        Assert.Equal(config, string.Join('|', cli.ConfigArgs));
    }

    [Fact]
    public void TryParse_ServerArguments_AreNotACliCommand()
    {
        Assert.False(CliArguments.TryParse(["--urls", "http://localhost:5000"], out _));
        Assert.False(CliArguments.TryParse([], out _));
    }

    public void Dispose() => _host.Dispose();
}
