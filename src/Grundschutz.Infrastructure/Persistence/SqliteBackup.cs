using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Grundschutz.Infrastructure.Persistence;

/// <summary>
/// Backup and restore of the SQLite database through SQLite's online backup API
/// (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): the copy is a consistent snapshot even while
/// the app keeps writing (WAL readers do not block the writer), and it includes what still sits in the WAL file.
/// </summary>
public static class SqliteBackup
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>The path of the database file named by a SQLite connection string.</summary>
    public static string DatabasePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>
    /// Copies the live database into <paramref name="targetPath"/> (a self-contained file in rollback-journal mode).
    /// The copy is written to a temporary file first, checked with <c>PRAGMA integrity_check</c> and only then moved
    /// into place, so a failed backup leaves nothing half-written behind.
    /// </summary>
    /// <exception cref="SqliteBackupException">The database does not exist, the target exists (without
    /// <paramref name="overwrite"/>) or the copy is damaged.</exception>
    public static void Backup(string connectionString, string targetPath, bool overwrite)
    {
        var source = DatabasePath(connectionString);
        var target = Path.GetFullPath(targetPath);
        if (!File.Exists(source))
        {
            throw new SqliteBackupException($"Die Datenbank {source} existiert nicht; es gibt nichts zu sichern.");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw new SqliteBackupException("Die Sicherung kann nicht die Datenbank selbst überschreiben.");
        }

        if (File.Exists(target) && !overwrite)
        {
            throw new SqliteBackupException($"Die Datei {target} existiert bereits. Mit --force wird sie überschrieben.");
        }

        var directory = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var from = Open(source, SqliteOpenMode.ReadOnly))
            using (var to = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                from.BackupDatabase(to);
                // The copy inherits WAL mode from the source; a backup should be one self-contained file.
                Execute(to, "PRAGMA journal_mode=DELETE;");
                var check = IntegrityCheck(to);
                if (check != "ok")
                {
                    throw new SqliteBackupException($"Die Sicherung ist beschädigt (integrity_check: {check}).");
                }
            }

            File.Move(temporary, target, overwrite);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    /// <summary>
    /// Checks that <paramref name="path"/> is an intact SQLite database of this application: SQLite header,
    /// <c>PRAGMA integrity_check</c> = ok, an EF migrations history whose entries all belong to
    /// <paramref name="knownMigrations"/>, and the tables of the model.
    /// </summary>
    /// <exception cref="SqliteBackupException">With a German message saying what is wrong.</exception>
    public static void Verify(string path, IReadOnlyCollection<string> knownMigrations)
    {
        ArgumentNullException.ThrowIfNull(knownMigrations);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SqliteBackupException($"Die Datei {full} existiert nicht.");
        }

        var header = new byte[SqliteHeader.Length];
        using (var stream = File.OpenRead(full))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
            {
                throw new SqliteBackupException($"{full} ist keine SQLite-Datenbank.");
            }
        }

        try
        {
            using var connection = Open(full, SqliteOpenMode.ReadOnly);
            var check = IntegrityCheck(connection);
            if (check != "ok")
            {
                throw new SqliteBackupException($"{full} ist beschädigt (integrity_check: {check}).");
            }

            if (!TableExists(connection, "__EFMigrationsHistory") || !TableExists(connection, "AspNetUsers") || !TableExists(connection, "Assessments"))
            {
                throw new SqliteBackupException($"{full} ist keine Datenbank dieser Anwendung (Migrationstabelle oder Tabellen fehlen).");
            }

            var applied = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    applied.Add(reader.GetString(0));
                }
            }

            if (applied.Count == 0)
            {
                throw new SqliteBackupException($"{full} enthält keine angewendeten Migrationen.");
            }

            var unknown = applied.Where(m => !knownMigrations.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new SqliteBackupException(
                    $"{full} stammt von einer anderen oder neueren Version der Anwendung (unbekannte Migrationen: {string.Join(", ", unknown)}).");
            }
        }
        catch (SqliteException ex)
        {
            throw new SqliteBackupException($"{full} kann nicht als SQLite-Datenbank gelesen werden: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Replaces the content of the live database with <paramref name="backupPath"/> (which must have passed
    /// <see cref="Verify"/>). The current database is first saved as <c>&lt;db&gt;.&lt;timestamp&gt;.bak</c>; the path is
    /// returned (null when there was no database yet). The app must be stopped: connections of a running server
    /// would keep cached pages of the replaced database.
    /// </summary>
    public static string? Restore(string connectionString, string backupPath, DateTimeOffset now)
    {
        var live = DatabasePath(connectionString);
        var directory = Path.GetDirectoryName(live);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string? previous = null;
        if (File.Exists(live))
        {
            previous = live + "." + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".bak";
            SavePrevious(live, previous);
        }

        SqliteConnection.ClearAllPools();
        using (var from = Open(Path.GetFullPath(backupPath), SqliteOpenMode.ReadOnly))
        using (var to = Open(live, SqliteOpenMode.ReadWriteCreate))
        {
            // The backup API writes every page inside one transaction of the destination: a failure leaves the
            // old content in place, and WAL and rollback journals are handled by SQLite itself.
            from.BackupDatabase(to);
            Execute(to, "PRAGMA journal_mode=WAL;");
            var check = IntegrityCheck(to);
            if (check != "ok")
            {
                throw new SqliteBackupException($"Nach der Wiederherstellung meldet integrity_check: {check}. Die vorige Datenbank liegt in {previous}.");
            }
        }

        SqliteConnection.ClearAllPools();
        return previous;
    }

    /// <summary>
    /// Keeps the current database before it is replaced: through the backup API when it can be read, else (a damaged
    /// database is a common reason to restore) as a plain copy of the file and its WAL.
    /// </summary>
    private static void SavePrevious(string live, string previous)
    {
        if (File.Exists(previous))
        {
            throw new SqliteBackupException($"Die Datei {previous} existiert bereits.");
        }

        try
        {
            using var from = Open(live, SqliteOpenMode.ReadOnly);
            using var to = Open(previous, SqliteOpenMode.ReadWriteCreate);
            from.BackupDatabase(to);
            Execute(to, "PRAGMA journal_mode=DELETE;");
        }
        catch (SqliteException)
        {
            SqliteConnection.ClearAllPools();
            DeleteQuietly(previous);
            File.Copy(live, previous);
            if (File.Exists(live + "-wal"))
            {
                File.Copy(live + "-wal", previous + "-wal");
            }
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> and returns its first line ("ok" when intact).</summary>
    public static string IntegrityCheck(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteQuietly(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temporary file does no harm.
            }
        }
    }
}
