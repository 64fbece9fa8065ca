using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Postgres;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Durability;

/// <summary>
/// The database of an <see cref="AppProcess"/>: a SQLite file in the test's folder, or – when the web tests run
/// against PostgreSQL (<see cref="GrundschutzWebFactory.PostgresBase"/>) – a database of its own on that server,
/// created by the app's migrations on its first start and dropped on <see cref="Dispose"/>.
/// </summary>
public sealed class AppDatabase : IDisposable
{
    private readonly string? _postgresBase;
    private readonly string? _postgresDatabase;

    public AppDatabase(string folder)
    {
        if (GrundschutzWebFactory.PostgresBase is { } postgres)
        {
            _postgresBase = postgres;
            _postgresDatabase = "gs_test_" + Guid.NewGuid().ToString("N");
            Provider = "Postgres";
            ConnectionString = $"{postgres};Database={_postgresDatabase}";
        }
        else
        {
            SqlitePath = Path.Combine(folder, "app.db");
            Provider = "Sqlite";
            ConnectionString = $"Data Source={SqlitePath}";
        }
    }

    /// <summary><c>Database:Provider</c> of the app.</summary>
    public string Provider { get; }

    /// <summary><c>ConnectionStrings:Grundschutz</c> of the app.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>A context of the test's own on the app's database (for reading what the app stored).</summary>
    public GrundschutzDbContext OpenContext() => SqlitePath is { } path
        ? new SqliteGrundschutzDbContext(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite($"Data Source={path};Mode=ReadOnly;Pooling=False").Options)
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
