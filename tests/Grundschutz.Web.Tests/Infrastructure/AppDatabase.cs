using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Postgres;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Infrastructure;

/// <summary>
/// The database of an app started by a test outside <see cref="GrundschutzWebFactory"/> (an app process, CLI verbs): a
/// SQLite file in the test's folder, or – when the web tests run against PostgreSQL
/// (<see cref="GrundschutzWebFactory.PostgresBase"/>) and the test is not about SQLite itself – a database of its own on
/// that server, created by the app's migrations on first use and dropped on <see cref="Dispose"/>.
/// </summary>
public sealed class AppDatabase : IDisposable
{
    private readonly string? _postgresBase;
    private readonly string? _postgresDatabase;

    /// <param name="folder">The test's folder (holds the SQLite file).</param>
    /// <param name="fileName">The SQLite file's name.</param>
    /// <param name="sqliteOnly">Always SQLite (for the SQLite-only verbs backup and restore).</param>
    public AppDatabase(string folder, string fileName = "app.db", bool sqliteOnly = false)
    {
        if (!sqliteOnly && GrundschutzWebFactory.PostgresBase is { } postgres)
        {
            _postgresBase = postgres;
            _postgresDatabase = "gs_test_" + Guid.NewGuid().ToString("N");
            Provider = "Postgres";
            ConnectionString = $"{postgres};Database={_postgresDatabase}";
        }
        else
        {
            SqlitePath = Path.Combine(folder, fileName);
            Provider = "Sqlite";
            ConnectionString = $"Data Source={SqlitePath}";
        }
    }

    /// <summary><c>Database:Provider</c> of the app.</summary>
    public string Provider { get; }

    /// <summary><c>ConnectionStrings:Grundschutz</c> of the app.</summary>
    public string ConnectionString { get; }

    /// <summary>The PostgreSQL database's name, or null on SQLite.</summary>
    public string? PostgresDatabase => _postgresDatabase;

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>A context of the test's own on the app's database (to read, or change, what the app stored).</summary>
    public GrundschutzDbContext OpenContext() => SqlitePath is not null
        ? new SqliteGrundschutzDbContext(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite(ConnectionString + ";Pooling=False").Options)
        : new PostgresGrundschutzDbContext(new DbContextOptionsBuilder<PostgresGrundschutzDbContext>()
            .UseNpgsql(ConnectionString + ";Pooling=false").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresBase is not null && _postgresDatabase is not null)
        {
            GrundschutzWebFactory.DropPostgresDatabase(_postgresBase, _postgresDatabase);
        }
    }
}
