using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Cli;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Cli;

/// <summary>
/// Runs CLI verbs in-process against a fresh database of its own (<see cref="AppDatabase"/>: a SQLite file, or a
/// PostgreSQL database when the web tests run against PostgreSQL and the test is not about SQLite itself), created by
/// the verbs' own migration on first use. Deleted (dropped) on dispose.
/// </summary>
public sealed class CliTestHost : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly AppDatabase _database;

    /// <param name="sqliteOnly">Always SQLite (for the SQLite-only verbs backup and restore).</param>
    public CliTestHost(bool sqliteOnly = false)
    {
        Directory.CreateDirectory(_directory);
        _database = new AppDatabase(_directory, "cli.db", sqliteOnly);
    }

    public string Folder => _directory;

    /// <summary>The SQLite file (SQLite only).</summary>
    public string DatabasePath => _database.SqlitePath ?? throw new InvalidOperationException("This host runs on PostgreSQL.");

    /// <summary>Runs the verb with this host's database and key folder; returns exit code, stdout and stderr.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        string[] all =
        [
            .. args,
            $"--ConnectionStrings:Grundschutz={_database.ConnectionString}",
            $"--Database:Provider={_database.Provider}",
            $"--DataProtection:KeysDirectory={Path.Combine(_directory, "keys")}",
        ];
        Assert.True(CliArguments.TryParse(all, out var cli));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliRunner.RunAsync(cli, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A context on the same database, to check what was (not) saved.</summary>
    public GrundschutzDbContext NewContext() => _database.OpenContext();

    public void Dispose()
    {
        _database.Dispose();
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
