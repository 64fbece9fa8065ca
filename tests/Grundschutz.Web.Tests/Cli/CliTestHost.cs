using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Postgres;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Web.Cli;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Cli;

/// <summary>
/// Runs CLI verbs in-process against a fresh database of its own: a SQLite file, or – when the web tests run against
/// PostgreSQL (<see cref="GrundschutzWebFactory.PostgresBase"/>) and the test is not about SQLite itself – a
/// PostgreSQL database, created by the verbs' own migration on first use. Deleted (dropped) on dispose.
/// </summary>
public sealed class CliTestHost : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresBase;
    private readonly string? _postgresDatabase;

    /// <param name="sqliteOnly">Always SQLite (for the SQLite-only verbs backup and restore).</param>
    public CliTestHost(bool sqliteOnly = false)
    {
        Directory.CreateDirectory(_directory);
        if (!sqliteOnly && GrundschutzWebFactory.PostgresBase is { } postgres)
        {
            _postgresBase = postgres;
            _postgresDatabase = "gs_test_" + Guid.NewGuid().ToString("N");
        }
    }

    public string Folder => _directory;

    /// <summary>The SQLite file (SQLite only).</summary>
    public string DatabasePath => _postgresDatabase is null
        ? Path.Combine(_directory, "cli.db")
        : throw new InvalidOperationException("This host runs on PostgreSQL.");

    private string ConnectionString => _postgresDatabase is null ? $"Data Source={DatabasePath}" : $"{_postgresBase};Database={_postgresDatabase}";

    /// <summary>Runs the verb with this host's database and key folder; returns exit code, stdout and stderr.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        string[] all =
        [
            .. args,
            $"--ConnectionStrings:Grundschutz={ConnectionString}",
            $"--Database:Provider={(_postgresDatabase is null ? "Sqlite" : "Postgres")}",
            $"--DataProtection:KeysDirectory={Path.Combine(_directory, "keys")}",
        ];
        Assert.True(CliArguments.TryParse(all, out var cli));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliRunner.RunAsync(cli, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A context on the same database, to check what was (not) saved.</summary>
    public GrundschutzDbContext NewContext() => _postgresDatabase is null
        ? new SqliteGrundschutzDbContext(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresGrundschutzDbContext(new DbContextOptionsBuilder<PostgresGrundschutzDbContext>().UseNpgsql(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresBase is not null && _postgresDatabase is not null)
        {
            GrundschutzWebFactory.DropPostgresDatabase(_postgresBase, _postgresDatabase);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }
}
