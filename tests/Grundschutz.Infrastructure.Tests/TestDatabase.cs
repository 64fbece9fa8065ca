using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grundschutz.Infrastructure.Tests;

/// <summary>A fresh SQLite file with the real migrations applied; deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "grundschutz-infra-tests", Guid.NewGuid().ToString("N") + ".db");

    private TestDatabase() { }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));

    /// <summary>The database file.</summary>
    public string FilePath => _path;

    /// <summary>A new database migrated to <paramref name="migration"/> (default: every migration).</summary>
    public static async Task<TestDatabase> CreateAsync(string? migration = null)
    {
        var db = new TestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(db._path)!);
        await db.MigrateAsync(migration);
        return db;
    }

    /// <summary>Applies the migrations up to <paramref name="migration"/> (default: all).</summary>
    public async Task MigrateAsync(string? migration = null)
    {
        await using var context = NewContext();
        await context.GetService<IMigrator>().MigrateAsync(migration);
    }

    public GrundschutzDbContext NewContext() =>
        new SqliteGrundschutzDbContext(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite($"Data Source={_path};Foreign Keys=True")
            .Options);

    public CatalogImportService NewImporter(GrundschutzDbContext context, long maxFileBytes = CatalogImportOptionsDefaults.MaxFileBytes) =>
        new(context, Time, Options.Create(new CatalogImportOptions { MaxFileBytes = maxFileBytes }), NullLogger<CatalogImportService>.Instance);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}

/// <summary>Defaults used by tests.</summary>
public static class CatalogImportOptionsDefaults
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
}
