using System.Globalization;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Benchmarks;

/// <summary>
/// The database of a bench run on Kestrel: a SQLite file in the run's folder, or – with
/// <c>GRUNDSCHUTZ_LOAD_POSTGRES</c> set to a PostgreSQL connection string without a database name (as
/// GRUNDSCHUTZ_TEST_POSTGRES; the role needs CREATEDB) – a database of its own on that server, created by the app's
/// migrations on start and dropped on <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresBase;
    private readonly string? _postgresDatabase;

    private BenchDatabase(string folder, string fileName, string prefix)
    {
        _postgresBase = Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_POSTGRES") is { Length: > 0 } pg ? pg : null;
        if (_postgresBase is null)
        {
            SqlitePath = Path.Combine(folder, fileName);
        }
        else
        {
            _postgresDatabase = prefix + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>A database for a run whose files live in <paramref name="folder"/>.</summary>
    /// <param name="fileName">The SQLite file's name.</param>
    /// <param name="prefix">The PostgreSQL database's name before a random suffix (e.g. <c>gs_load_</c>).</param>
    public static BenchDatabase Create(string folder, string fileName, string prefix) => new(folder, fileName, prefix);

    public bool IsPostgres => _postgresBase is not null;

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>The app's command-line settings for this database (connection string and provider).</summary>
    public string[] Settings =>
    [
        IsPostgres
            ? $"--ConnectionStrings:Grundschutz={_postgresBase};Database={_postgresDatabase}"
            : $"--ConnectionStrings:Grundschutz=Data Source={SqlitePath}",
        $"--Database:Provider={(IsPostgres ? "Postgres" : "Sqlite")}",
    ];

    /// <summary>"SQLite file 12 MB" or "PostgreSQL database 40 MB": the database's size now.</summary>
    public async Task<string> DescribeSizeAsync(IServiceProvider services)
    {
        if (SqlitePath is { } path)
        {
            var size = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
            return string.Create(CultureInfo.InvariantCulture, $"SQLite file {size / 1048576.0:0} MB");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var bytes = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database {bytes / 1048576.0:0} MB");
    }

    /// <summary>The server's version and durability settings, for the run's header.</summary>
    public static async Task<string> DescribePostgresAsync(GrundschutzDbContext db)
    {
        var version = await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync();
        var commit = await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync();
        var fsync = await db.Database.SqlQueryRaw<string>("SELECT current_setting('fsync') AS \"Value\"").SingleAsync();
        return $"PostgreSQL {version} (synchronous_commit={commit}, fsync={fsync})";
    }

    /// <summary>
    /// CPU time used so far by the PostgreSQL server processes on this machine (all processes named <c>postgres</c>,
    /// from <c>/proc</c>; zero where there is none). Backends of pooled connections live through a phase, so the
    /// difference over a phase is what the database cost it.
    /// </summary>
    public static TimeSpan PostgresServerCpu()
    {
        long ticks = 0;
        foreach (var entry in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the closing parenthesis of comm.
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A process that ended meanwhile, or not a process folder.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresBase is null || _postgresDatabase is null)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection($"{_postgresBase};Database=postgres");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The name is generated above (prefix + hex), never input.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (Npgsql.PostgresException ex)
        {
            Console.WriteLine($"The bench database {_postgresDatabase} could not be dropped ({ex.MessageText}); drop it by hand.");
        }
    }
}
