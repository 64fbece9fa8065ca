using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Grundschutz.Web.Tests.Catalog;

/// <summary>
/// The migration that adds the catalogue language: versions imported before it were all the BSI's German catalogues
/// and become „de“. Runs on SQLite, and on PostgreSQL when the web tests do (<see cref="AppDatabase"/>).
/// </summary>
public sealed class CatalogLanguageMigrationTests : IDisposable
{
    private const string Migration = "CatalogLanguage";

    private const string InsertVersion = """
        INSERT INTO "CatalogVersions" ("CatalogId", "Title", "Version", "Format", "Framework", "SourceFileName", "Sha256",
            "ImportedAt", "GroupCount", "RequirementCount", "WithdrawnCount", "WarningsJson")
        SELECT "Id", 'Alter Katalog', 'Edition 2023', 0, 0, 'alt.xml', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
            @at, 0, 0, 0, '[]' FROM "Catalogs" WHERE "Key" = 'alt'
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grundschutz-tests", "catlang-" + Guid.NewGuid().ToString("N"));
    private readonly AppDatabase _database;

    public CatalogLanguageMigrationTests()
    {
        Directory.CreateDirectory(_folder);
        _database = new AppDatabase(_folder);
    }

    [Fact]
    public async Task Migrate_VersionsStoredBefore_BecomeGerman()
    {
        await using (var db = _database.OpenContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
            Assert.True(index > 0, "The migration " + Migration + " is missing.");
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);

            // The row as the previous version of the app wrote it (no Language column yet; SQLite stores the time as a number).
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Catalogs" ("Key", "Title", "Framework") VALUES ('alt', 'Alter Katalog', 0)""");
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? InsertVersion.Replace("@at", "0", StringComparison.Ordinal) : InsertVersion.Replace("@at", "TIMESTAMPTZ '2026-01-01 00:00:00+00'", StringComparison.Ordinal));
            Assert.DoesNotContain(migrations[index], await db.Database.GetAppliedMigrationsAsync());
        }

        await using (var db = _database.OpenContext())
        {
            await db.Database.MigrateAsync();

            var version = await db.CatalogVersions.AsNoTracking().SingleAsync();
            Assert.Equal("Alter Katalog", version.Title);
            Assert.Equal("de", version.Language);
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect other tests.
        }
    }
}
