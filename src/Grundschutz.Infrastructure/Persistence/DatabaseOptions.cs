namespace Grundschutz.Infrastructure.Persistence;

/// <summary>Bound from section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default, embedded) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file when no connection string is given (relative to the content root).</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending migrations on start. Always on for SQLite so that a fresh clone runs.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>SQLite only: Full (default; every acknowledged save survives a power loss) or Normal (faster commits).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// SQLite with Full only: concurrent saves share the sync of the WAL after leaving the write gate
    /// (<see cref="Sqlite.SqliteGroupCommit"/>; default on). Off: SQLite syncs inside every commit.
    /// </summary>
    public bool SqliteGroupCommit { get; set; } = true;

    /// <summary>
    /// SQLite only: keep prepared statements per pooled context (<see cref="Sqlite.CachingSqliteConnection"/>; default
    /// on). Off: every command is compiled anew and the connection is closed after each use.
    /// </summary>
    public bool SqliteStatementCache { get; set; } = true;
}

/// <summary>The supported database providers.</summary>
public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> in WAL mode (see <see cref="Sqlite.SqlitePragmaInterceptor"/>).</summary>
public enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}
