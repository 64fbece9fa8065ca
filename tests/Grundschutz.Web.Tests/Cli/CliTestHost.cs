using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Web.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Cli;

/// <summary>Runs CLI verbs in-process against a fresh SQLite file of its own; deleted on dispose.</summary>
public sealed class CliTestHost : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTestHost() => Directory.CreateDirectory(_directory);

    public string Folder => _directory;

    public string DatabasePath => Path.Combine(_directory, "cli.db");

    /// <summary>Runs the verb with this host's database and key folder; returns exit code, stdout and stderr.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        string[] all =
        [
            .. args,
            $"--ConnectionStrings:Grundschutz=Data Source={DatabasePath}",
            $"--DataProtection:KeysDirectory={Path.Combine(_directory, "keys")}",
        ];
        Assert.True(CliArguments.TryParse(all, out var cli));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliRunner.RunAsync(cli, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A context on the same database, to check what was (not) saved.</summary>
    public SqliteGrundschutzDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
