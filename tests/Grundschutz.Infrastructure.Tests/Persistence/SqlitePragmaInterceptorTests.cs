using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>
/// The PRAGMAs are sent once per pooled native connection; every connection EF Core hands out must still carry them,
/// also after the pool reuses a native connection, and a different setting must be applied again.
/// Runs alone (<see cref="ConnectionPoolCollection"/>): other tests clear all SQLite pools when they dispose their
/// databases, which in parallel made the pool hand out a new native connection here now and then.
/// </summary>
[Collection(ConnectionPoolCollection.Name)]
public sealed class SqlitePragmaInterceptorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "grundschutz-infra-tests", Guid.NewGuid().ToString("N") + ".db");

    public SqlitePragmaInterceptorTests() => Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

    [Fact]
    public async Task EveryOpenedConnection_HasTheSettings_EvenWhenThePoolReusesTheNativeConnection()
    {
        var normal = new SqlitePragmaInterceptor(SqliteSynchronous.Normal);
        var handles = new List<object>();
        for (var i = 0; i < 5; i++)
        {
            await using var db = Context(normal);
            await db.Database.OpenConnectionAsync();
            handles.Add(((SqliteConnection)db.Database.GetDbConnection()).Handle!);
            Assert.Equal((1L, (long)SqlitePragmaInterceptor.BusyTimeoutMilliseconds), await PragmasAsync(db));
        }

        // The pool handed out the same native connection each time: the settings were kept, not lost.
        Assert.Single(handles.Distinct(ReferenceEqualityComparer.Instance));

        // Another setting on the same (pooled) native connection is applied, not skipped.
        await using (var full = Context(new SqlitePragmaInterceptor(SqliteSynchronous.Full)))
        {
            await full.Database.OpenConnectionAsync();
            Assert.Same(handles[0], ((SqliteConnection)full.Database.GetDbConnection()).Handle);
            Assert.Equal((2L, (long)SqlitePragmaInterceptor.BusyTimeoutMilliseconds), await PragmasAsync(full));
        }

        await using var again = Context(normal);
        await again.Database.OpenConnectionAsync();
        Assert.Equal(1L, (await PragmasAsync(again)).Synchronous);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private SqliteGrundschutzDbContext Context(SqlitePragmaInterceptor interceptor) =>
        new(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite($"Data Source={_path}")
            .AddInterceptors(interceptor)
            .Options);

    private static async Task<(long Synchronous, long BusyTimeout)> PragmasAsync(GrundschutzDbContext db)
    {
        var synchronous = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
        var busy = await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();
        return (synchronous, busy);
    }
}

/// <summary>Tests that observe SQLite's process-wide connection pool: run after the parallel tests, not beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConnectionPoolCollection
{
    public const string Name = "SQLite connection pool";
}
