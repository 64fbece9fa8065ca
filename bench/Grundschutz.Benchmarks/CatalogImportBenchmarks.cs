using System.Text.Json;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Targets: import of the Kernel catalogue and of the Kompendium XML each ≤ 2 s and within 3× of merely
/// parsing the file. "Parse" = JsonDocument / XmlReader over the bytes; "Read" = our reader pipeline;
/// "Import" = read + SHA-256 + save into a fresh SQLite database with the real migrations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class CatalogImportBenchmarks
{
    private byte[] _kernel = [];
    private byte[] _kompendium = [];
    private string _dbPath = "";

    [GlobalSetup]
    public void Setup()
    {
        _kernel = File.ReadAllBytes(BenchData.Kernel);
        _kompendium = File.ReadAllBytes(BenchData.Kompendium);
    }

    [Benchmark]
    public int ParseOnly_Kernel()
    {
        using var doc = JsonDocument.Parse(_kernel);
        return doc.RootElement.GetProperty("catalog").GetProperty("groups").GetArrayLength();
    }

    [Benchmark]
    public int ParseOnly_Kompendium()
    {
        using var reader = XmlReader.Create(new MemoryStream(_kompendium), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    [Benchmark]
    public int Read_Kernel() => CatalogPipeline.Read(new MemoryStream(_kernel), "kernel.json", [], new CatalogReadOptions()).Requirements.Count;

    [Benchmark]
    public int Read_Kompendium() => CatalogPipeline.Read(new MemoryStream(_kompendium), "kompendium.xml", [], new CatalogReadOptions()).Requirements.Count;

    [IterationSetup(Targets = [nameof(Import_Kernel), nameof(Import_Kompendium)])]
    public void FreshDatabase()
    {
        _dbPath = Path.Combine(Path.GetTempPath(), "grundschutz-bench-" + Guid.NewGuid().ToString("N") + ".db");
        using var db = NewContext();
        db.Database.Migrate();
    }

    [IterationCleanup(Targets = [nameof(Import_Kernel), nameof(Import_Kompendium)])]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_dbPath);
    }

    [Benchmark]
    public int Import_Kernel() => Import("kernel.json", _kernel);

    [Benchmark]
    public int Import_Kompendium() => Import("kompendium.xml", _kompendium);

    private int Import(string name, byte[] bytes)
    {
        using var db = NewContext();
        var service = new CatalogImportService(db, TimeProvider.System, Options.Create(new CatalogImportOptions()), NullLogger<CatalogImportService>.Instance);
        var result = service.ImportAsync([new CatalogImportFile(name, bytes.Length, () => new MemoryStream(bytes))], "bench", CancellationToken.None).GetAwaiter().GetResult();
        return result[0].Requirements;
    }

    private SqliteGrundschutzDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>().UseSqlite($"Data Source={_dbPath}").Options);
}
