using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Persistence;

/// <summary>Applies migrations and switches SQLite to WAL (readers never block the writer).</summary>
public sealed class DatabaseInitializer(GrundschutzDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public Task InitializeAsync(CancellationToken cancellationToken) => InitializeAsync(null, cancellationToken);

    /// <summary>
    /// Migrates and then runs <paramref name="whileLocked"/> (the start-up seeding) while still holding the start-up
    /// lock, so that instances starting together neither migrate nor seed (e.g. the first administrator) twice.
    /// </summary>
    /// <exception cref="StartupException">
    /// The database cannot be reached or set up (server down, wrong password, unwritable file), or – with
    /// Database:MigrateOnStart=false – migrations are pending; the message names the database without its password.
    /// </exception>
    public async Task InitializeAsync(Func<CancellationToken, Task>? whileLocked, CancellationToken cancellationToken)
    {
        try
        {
            await InitializeCoreAsync(whileLocked, cancellationToken);
        }
        catch (Exception ex) when (ex is not StartupException && !cancellationToken.IsCancellationRequested && StartupException.DatabaseError(ex) is { } error)
        {
            // Without this the operator got an unhandled exception with a stack trace (and, for an unreachable
            // PostgreSQL, EF Core's „likely due to a transient failure“ on top).
            throw new StartupException(
                $"Die Datenbank ({Describe()}) ist beim Start nicht erreichbar oder lässt sich nicht einrichten: {error.TrimEnd('.')}. "
                + "Bitte ConnectionStrings:Grundschutz und Database:Provider prüfen.",
                ex);
        }
    }

    /// <summary>Provider and target of the connection, without password.</summary>
    /// <summary>
    /// After a rollback (an older version started on a database a newer one migrated) the schema has migrations this
    /// version does not know: reading works, but saving may fail on the newer columns. Not refused – a rollback must be
    /// able to start – but said plainly in the log, with what to do.
    /// </summary>
    private async Task WarnOfUnknownMigrationsAsync(CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            logger.LogWarning(
                "Die Datenbank ({Database}) wurde von einer neueren Version eingerichtet: {Count} Migration(en) kennt diese Version nicht ({Migrations}). "
                + "Speichern kann an den neueren Spalten scheitern. Die neuere Version einsetzen oder die Sicherung von vor dem Update zurückspielen.",
                Describe(), unknown.Count, string.Join(", ", unknown));
        }
    }

    private string Describe()
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (options.Value.Provider == DatabaseProvider.Postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL, Host {builder.Host}:{builder.Port}, Datenbank {builder.Database}, Benutzer {builder.Username}";
        }

        return "SQLite, " + SqliteBackup.DatabasePath(connectionString);
    }

    private async Task InitializeCoreAsync(Func<CancellationToken, Task>? whileLocked, CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        var migrate = provider == DatabaseProvider.Sqlite || options.Value.MigrateOnStart;
        if (migrate)
        {
            await CreateIfMissingAsync(cancellationToken);
        }

        // One instance at a time from here: EF Core's own migration lock on PostgreSQL is taken per migration
        // transaction, after the list of pending migrations was read, so instances started together applied the
        // same migrations twice ("relation already exists") and created the first administrator twice
        // (ConcurrentStartTests).
        await using var startupLock = await StartupLock.AcquireAsync(db, provider, cancellationToken);
        if (migrate)
        {
            // EF Core reads the history table before it creates it and logs the failed read as an error
            // (dotnet/efcore#37328): create it first.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            }

            await db.Database.MigrateAsync(cancellationToken);
            await Evidence.AnswerChainBackfill.RunAsync(db, logger, cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
        {
            // A new version against the old schema would answer every request with an error: refuse to start instead.
            throw new StartupException(
                $"Die Datenbank ({Describe()}) ist nicht auf dem Stand dieser Version: {pending.Count} Migration(en) ausstehend "
                + $"({string.Join(", ", pending)}), und Database:MigrateOnStart ist false. Zuerst den Befehl „migrate“ ausführen "
                + "(README, „Database and migrations“), dann die Anwendung starten.");
        }

        await WarnOfUnknownMigrationsAsync(cancellationToken);

        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (whileLocked is not null)
        {
            await whileLocked(cancellationToken);
        }
    }

    /// <summary>
    /// Creates a database that does not exist yet: asking for its migrations would try to connect to it, and EF Core
    /// logs each failed attempt as an error (PostgreSQL) although nothing is wrong. Several instances starting at once
    /// may all find it missing: the ones that lose the race go on with it.
    /// </summary>
    private async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        logger.LogInformation("Creating the database (it does not exist yet).");
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException)
        {
            if (!await creator.ExistsAsync(cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Another instance created the database meanwhile.");
        }
    }
}

/// <summary>
/// Held while one instance migrates and seeds, so that others starting at the same time wait and then find nothing
/// left to do. PostgreSQL: a session-level advisory lock on a connection of its own (unpooled, so that closing it –
/// or the process dying – ends the session and with it the lock). SQLite: an exclusive lock on a file beside the
/// database (<c>.startup-lock</c>), which also separates hosts in one process.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "GSMIGR" in ASCII, a number no other lock of the app uses.</summary>
    private const long Key = 0x4753_4D49_4752;

    private readonly IAsyncDisposable _held;

    private StartupLock(IAsyncDisposable held) => _held = held;

    /// <summary>Waits for and takes the lock.</summary>
    public static async Task<StartupLock> AcquireAsync(GrundschutzDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (provider != DatabaseProvider.Postgres)
        {
            var path = SqliteBackup.DatabasePath(connectionString) + ".startup-lock";
            while (true)
            {
                try
                {
                    return new StartupLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Held by another instance: wait.
                    await Task.Delay(50, cancellationToken);
                }
            }
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_lock({Key})";
            command.CommandTimeout = 0; // as long as another instance's start takes
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Releases the lock (closes the file or ends the session).</summary>
    public ValueTask DisposeAsync() => _held.DisposeAsync();
}
