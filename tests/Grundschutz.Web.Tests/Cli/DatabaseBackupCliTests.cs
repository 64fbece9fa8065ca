using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Cli;

/// <summary><c>backup</c> and <c>restore</c> through the real CLI runner against a SQLite file of their own.</summary>
public sealed class DatabaseBackupCliTests : IDisposable
{
    private readonly CliTestHost _host = new(sqliteOnly: true);

    private static string DemoCatalog => SharedFiles.InRepository("catalog/demo-katalog.json");

    private async Task<(int Versions, int Requirements)> CountAsync()
    {
        await using var db = _host.NewContext();
        return (await db.CatalogVersions.CountAsync(), await db.Requirements.CountAsync());
    }

    private async Task SeedAsync()
    {
        var (exit, _, error) = await _host.RunAsync("catalog", "import", DemoCatalog);
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task BackupThenRestore_DataChangedInBetween_ComesBackAsAtBackupTime()
    {
        await SeedAsync();
        var atBackup = await CountAsync();
        Assert.Equal(1, atBackup.Versions);
        var backup = Path.Combine(_host.Folder, "sicherung", "grundschutz-backup.db");

        var (exit, output, error) = await _host.RunAsync("backup", backup);

        Assert.True(exit == 0, error);
        Assert.Contains("Sicherung", output, StringComparison.Ordinal);
        Assert.True(File.Exists(backup));

        // Change and delete data after the backup.
        await using (var db = _host.NewContext())
        {
            db.CatalogVersions.RemoveRange(db.CatalogVersions);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await CountAsync()).Versions);

        (exit, output, error) = await _host.RunAsync("restore", backup);

        Assert.True(exit == 0, error);
        Assert.Equal(atBackup, await CountAsync());
        Assert.Equal("ok", IntegrityCheck(_host.DatabasePath));
        var previous = Assert.Single(Directory.GetFiles(_host.Folder, "cli.db.*.bak"));
        Assert.Contains(previous, output, StringComparison.Ordinal);
        // The kept previous database is the state just before the restore (no catalogue).
        await using var old = new Grundschutz.Infrastructure.Persistence.Sqlite.SqliteGrundschutzDbContext(
            new DbContextOptionsBuilder<Grundschutz.Infrastructure.Persistence.Sqlite.SqliteGrundschutzDbContext>().UseSqlite($"Data Source={previous};Pooling=False").Options);
        Assert.Equal(0, await old.CatalogVersions.CountAsync());
    }

    [Fact]
    public async Task Backup_ExistingTarget_RefusesWithoutForceAndOverwritesWithForce()
    {
        await SeedAsync();
        var backup = Path.Combine(_host.Folder, "vorhanden.db");
        await File.WriteAllTextAsync(backup, "alte Datei");

        var (exit, _, error) = await _host.RunAsync("backup", backup);

        Assert.Equal(1, exit);
        Assert.Contains("existiert bereits", error, StringComparison.Ordinal);
        Assert.Equal("alte Datei", await File.ReadAllTextAsync(backup));

        (exit, _, error) = await _host.RunAsync("backup", backup, "--force");

        Assert.True(exit == 0, error);
        Assert.Equal("ok", IntegrityCheck(backup));
    }

    [Fact]
    public async Task Backup_FileNameWithCapitals_KeepsThePathAsGiven()
    {
        await SeedAsync();
        var backup = Path.Combine(_host.Folder, "Sicherung-November.DB");

        var (exit, _, error) = await _host.RunAsync("database", "backup", backup);

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(backup));
    }

    [Theory]
    [InlineData("text", "ist keine SQLite-Datenbank")]
    [InlineData("foreign", "keine Datenbank dieser Anwendung")]
    [InlineData("damaged", "")]
    [InlineData("missing", "existiert nicht")]
    public async Task Restore_BrokenOrForeignFile_ClearMessageAndCurrentDatabaseUntouched(string kind, string message)
    {
        await SeedAsync();
        var good = Path.Combine(_host.Folder, "gut.db");
        Assert.Equal(0, (await _host.RunAsync("backup", good)).Exit);
        await using (var db = _host.NewContext())
        {
            db.CatalogVersions.RemoveRange(db.CatalogVersions);
            await db.SaveChangesAsync();
        }

        var file = Path.Combine(_host.Folder, "fremd.db");
        switch (kind)
        {
            case "text":
                await File.WriteAllTextAsync(file, "Das ist keine Datenbank, sondern ein Brief.");
                break;
            case "foreign":
                await using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    await other.OpenAsync();
                    await using var command = other.CreateCommand();
                    command.CommandText = "CREATE TABLE Rezepte (Id INTEGER PRIMARY KEY, Name TEXT); INSERT INTO Rezepte (Name) VALUES ('Apfelkuchen');";
                    await command.ExecuteNonQueryAsync();
                }

                break;
            case "damaged":
                // A valid header followed by garbage: the page structure is broken.
                var bytes = await File.ReadAllBytesAsync(good);
                for (var i = 4096; i < bytes.Length; i += 7)
                {
                    bytes[i] = 0xA5;
                }

                await File.WriteAllBytesAsync(file, bytes);
                break;
        }

        var (exit, _, error) = await _host.RunAsync("restore", file);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("Die aktuelle Datenbank wurde nicht verändert.", error, StringComparison.Ordinal);
        Assert.Equal(0, (await CountAsync()).Versions);
        Assert.Empty(Directory.GetFiles(_host.Folder, "*.bak"));
    }

    [Fact]
    public async Task Restore_WithoutFile_IsAUsageError()
    {
        var (exit, _, error) = await _host.RunAsync("restore");

        Assert.Equal(2, exit);
        Assert.Contains("genau eine Datei", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_CopyIsConsistent()
    {
        await SeedAsync();
        // An open writer with an uncommitted transaction (as a running app might have) does not end up in the copy.
        await using var writer = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=False");
        await writer.OpenAsync();
        await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync();
        await using (var command = writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM CatalogVersions";
            await command.ExecuteNonQueryAsync();
        }

        var backup = Path.Combine(_host.Folder, "waehrend.db");
        var (exit, _, error) = await _host.RunAsync("backup", backup);
        await transaction.RollbackAsync();

        Assert.True(exit == 0, error);
        await using var copy = new Grundschutz.Infrastructure.Persistence.Sqlite.SqliteGrundschutzDbContext(
            new DbContextOptionsBuilder<Grundschutz.Infrastructure.Persistence.Sqlite.SqliteGrundschutzDbContext>().UseSqlite($"Data Source={backup};Pooling=False").Options);
        Assert.Equal(1, await copy.CatalogVersions.CountAsync());
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return SqliteBackup.IntegrityCheck(connection);
    }

    [Fact]
    public async Task Restore_WhileTheServerRuns_IsRefused_NothingChanged_AfterItStopped_Works()
    {
        await SeedAsync();
        var backup = Path.Combine(_host.Folder, "vorher.db");
        Assert.Equal(0, (await _host.RunAsync("backup", backup)).Exit);
        var server = new Infrastructure.GrundschutzWebFactory();
        server.Settings["Database:Provider"] = "Sqlite";
        server.Settings["ConnectionStrings:Grundschutz"] = $"Data Source={_host.DatabasePath}";
        using (server)
        {
            _ = server.Services; // started: migrated, seeded, serving

            var (exit, output, error) = await _host.RunAsync("restore", backup);

            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Equal(
                $"Fehler: Die Anwendung läuft noch auf {_host.DatabasePath}. Bitte zuerst stoppen (z. B. systemctl stop grundschutz), dann wiederherstellen.{Environment.NewLine}Die aktuelle Datenbank wurde nicht verändert.",
                error.Trim());
            Assert.Empty(Directory.GetFiles(_host.Folder, "cli.db.*.bak"));
        }

        var (after, _, afterError) = await _host.RunAsync("restore", backup);
        Assert.True(after == 0, afterError);
    }

    public void Dispose() => _host.Dispose();
}
