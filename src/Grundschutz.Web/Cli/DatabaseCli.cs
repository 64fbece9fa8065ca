using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Cli;

/// <summary>
/// <c>backup &lt;file&gt; [--force]</c> and <c>restore &lt;file&gt;</c> (also spelled <c>database backup|restore</c>) for
/// the SQLite database. They run before migrations are applied, so that a damaged database can still be replaced.
/// PostgreSQL is backed up with pg_dump/pg_restore (README, "Betrieb"). Exit codes 0/1/2.
/// </summary>
public static class DatabaseCli
{
    public const string PostgresHint = """
        PostgreSQL wird mit den Werkzeugen von PostgreSQL gesichert und wiederhergestellt, z. B.:
          pg_dump --format=custom --file=grundschutz.dump "host=… dbname=grundschutz user=…"
          pg_restore --clean --if-exists --no-owner --dbname="host=… dbname=grundschutz user=…" grundschutz.dump
        (siehe README, Abschnitt „Betrieb: Sicherung und Wiederherstellung“).
        """;

    public static async Task<int> RunAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(services);
        if (cli.Verb is not ("backup" or "restore"))
        {
            return await UsageAsync(stderr, $"Unbekannter Befehl: {cli.Noun} {cli.Verb}".TrimEnd());
        }

        if (cli.Positional.Count != 1)
        {
            return await UsageAsync(stderr, $"{cli.Verb} braucht genau eine Datei.");
        }

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
        {
            await stderr.WriteLineAsync("Fehler: backup/restore gibt es nur für SQLite.");
            await stderr.WriteLineAsync(PostgresHint);
            return 1;
        }

        var db = services.GetRequiredService<GrundschutzDbContext>();
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("Keine Verbindungszeichenfolge für SQLite.");
        var file = cli.Positional[0];
        try
        {
            if (cli.Verb == "backup")
            {
                SqliteBackup.Backup(connectionString, file, overwrite: cli.Flags.Contains("force"));
                await stdout.WriteLineAsync($"Sicherung von {SqliteBackup.DatabasePath(connectionString)} nach {Path.GetFullPath(file)} geschrieben (integrity_check: ok).");
                return 0;
            }

            var databasePath = SqliteBackup.DatabasePath(connectionString);
            await using var exclusive = SqliteInUseLock.TryTakeExclusive(databasePath);
            if (exclusive is null)
            {
                await stderr.WriteLineAsync($"Fehler: Die Anwendung läuft noch auf {databasePath}. Bitte zuerst stoppen (z. B. systemctl stop grundschutz), dann wiederherstellen.");
                await stderr.WriteLineAsync("Die aktuelle Datenbank wurde nicht verändert.");
                return 1;
            }

            SqliteBackup.Verify(file, [.. db.Database.GetMigrations()]);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var previous = SqliteBackup.Restore(connectionString, file, now);

            // An older backup is brought up to this version's schema.
            await using (var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            }

            await stdout.WriteLineAsync($"Datenbank {SqliteBackup.DatabasePath(connectionString)} aus {Path.GetFullPath(file)} wiederhergestellt.");
            if (previous is not null)
            {
                await stdout.WriteLineAsync($"Die vorige Datenbank liegt in {previous}.");
            }

            return 0;
        }
        catch (SqliteBackupException ex)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            await stderr.WriteLineAsync(cli.Verb == "restore" ? "Die aktuelle Datenbank wurde nicht verändert." : "Es wurde keine Sicherung geschrieben.");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Grundschutz.Infrastructure.StartupException)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            return 1;
        }
    }

    private static async Task<int> UsageAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync("Fehler: " + message);
        await stderr.WriteLineAsync(CliRunner.Usage);
        return 2;
    }
}
