using System.Diagnostics;
using System.Text.RegularExpressions;
using Grundschutz.TestSupport;
using Npgsql;

namespace Grundschutz.Web.Tests.Infrastructure;

/// <summary>
/// PostgreSQL's own command-line tools, run the way README „Operations“ tells an operator: the options of a tool's line
/// in the README's PostgreSQL block, against a test's database. The password goes through <c>PGPASSWORD</c>.
/// </summary>
public static partial class PostgresTools
{
    /// <summary>
    /// Set GRUNDSCHUTZ_TEST_POSTGRES_ADMIN to a superuser's connection string without a database name (e.g.
    /// "Host=127.0.0.1;Username=postgres_admin;Password=…") for the checks only a superuser may run (the integrity
    /// check with the amcheck extension). <c>.ci/run</c> creates such a role.
    /// </summary>
    public static string? AdminBase => Environment.GetEnvironmentVariable("GRUNDSCHUTZ_TEST_POSTGRES_ADMIN") is { Length: > 0 } value ? value : null;

    /// <summary>The superuser connection (<see cref="AdminBase"/>) to one database; fails with the setup hint when it is not set.</summary>
    public static string AdminConnection(string database) => AdminBase is { } admin
        ? $"{admin};Database={database}"
        : throw new InvalidOperationException(
            "The PostgreSQL integrity check (pg_amcheck) needs a superuser: set GRUNDSCHUTZ_TEST_POSTGRES_ADMIN, e.g. "
            + "\"Host=127.0.0.1;Username=grundschutz_ci_admin;Password=grundschutz_ci_admin\" (.ci/run creates that role).");

    /// <summary>
    /// The options README's PostgreSQL block gives the tool (its line in the code block), without the file and the
    /// database, which are the test's own.
    /// </summary>
    public static List<string> DocumentedOptions(string tool)
    {
        var line = DocumentedLine(tool);
        var options = Option().Matches(line).Select(m => m.Value)
            .Where(o => !o.StartsWith("--file=", StringComparison.Ordinal) && !o.StartsWith("--dbname=", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(options);
        return options;
    }

    /// <summary>The one line of README that starts with the tool's name.</summary>
    public static string DocumentedLine(string tool)
    {
        var readme = File.ReadAllLines(SharedFiles.InRepository("README.md"));
        return Assert.Single(readme, l => l.StartsWith(tool + " ", StringComparison.Ordinal));
    }

    /// <summary>The Npgsql connection string as a libpq one (the password goes through PGPASSWORD).</summary>
    public static string Libpq(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}";
    }

    /// <summary>
    /// Runs the tool and returns its exit code and output. Tools that Debian keeps out of PATH (pg_amcheck) are
    /// taken from the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IReadOnlyList<string> arguments, string connectionString)
    {
        var start = new ProcessStartInfo(Locate(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(connectionString).Password ?? "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await error + await output);
    }

    /// <summary><see cref="RunAsync"/>, failing the test unless the tool ends with 0.</summary>
    public static async Task RunSucceedingAsync(string tool, IReadOnlyList<string> arguments, string connectionString)
    {
        var (exitCode, output) = await RunAsync(tool, arguments, connectionString);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} ended with {exitCode}: {output}");
    }

    private static string Locate(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        if (path.Any(folder => File.Exists(Path.Combine(folder, tool))))
        {
            return tool;
        }

        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Folder, "bin", tool)))
                .OrderByDescending(d => d.Version)
                .ToList()
            : [];
        return versions.Count > 0 ? Path.Combine(versions[0].Folder, "bin", tool) : tool;
    }

    [GeneratedRegex(@"--[a-z-]+(=\S+)?")]
    private static partial Regex Option();
}
