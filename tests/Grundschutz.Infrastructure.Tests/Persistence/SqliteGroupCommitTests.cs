using System.Data.Common;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Grundschutz.Infrastructure.Tests.Persistence.TestMunicipalities;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>
/// Group commit (<see cref="SqliteGroupCommit"/>): a save through the write gate commits with synchronous=NORMAL and
/// returns only after the WAL is synced; the connection is back to FULL afterwards, also after a failed save; without
/// WAL, with NORMAL configured or with group commit switched off, saves run as SQLite's FULL commits.
/// Runs alone (<see cref="ConnectionPoolCollection"/>): the checks read settings of pooled native connections.
/// </summary>
[Collection(ConnectionPoolCollection.Name)]
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly TestDatabase[] _databases = new TestDatabase[1];

    private TestDatabase Database => _databases[0];

    public async Task InitializeAsync() => _databases[0] = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GatedSave_CommitsWithNormal_IsSyncedBeforeItReturns_AndLeavesTheConnectionAtFull(bool statementCache)
    {
        await SetJournalModeAsync("wal");
        var group = SqliteGroupCommit.For(Database.FilePath);
        var recorder = new SynchronousRecorder();
        for (var i = 1; i <= 3; i++)
        {
            await using var db = Context(new SqlitePragmaInterceptor(SqliteSynchronous.Full), recorder, statementCache);
            await db.Database.OpenConnectionAsync();
            db.Municipalities.Add(NewMunicipality($"0100{i}000", $"Gemeinde {i}"));

            Assert.Equal(1, await db.SaveChangesAsync());

            // Counted, and synced by the time the save returned: a save is acknowledged only once it is durable.
            Assert.Equal(i, group.Committed);
            Assert.Equal(i, group.Durable);
            Assert.Equal(i, group.Syncs);
            Assert.Equal(2L, await SynchronousAsync(db));
        }

        // The INSERTs themselves ran with NORMAL (1): SQLite did not sync inside the commit.
        Assert.Equal([1L, 1L, 1L], recorder.AtInsert);
        await using var check = Database.NewContext();
        Assert.Equal(3, await check.Municipalities.CountAsync());
    }

    [Fact]
    public async Task SynchronousSave_IsSyncedBeforeItReturns_AndLeavesTheConnectionAtFull()
    {
        await SetJournalModeAsync("wal");
        var group = SqliteGroupCommit.For(Database.FilePath);
        var recorder = new SynchronousRecorder();
        await using var db = Context(new SqlitePragmaInterceptor(SqliteSynchronous.Full), recorder);
        db.Database.OpenConnection();
        db.Municipalities.Add(NewMunicipality("05001000", "Gleichlaufstadt"));

        Assert.Equal(1, db.SaveChanges());

        Assert.Equal((1L, 1L, 1L), (group.Committed, group.Durable, group.Syncs));
        Assert.Equal([1L], recorder.AtInsert);
        Assert.Equal(2L, await SynchronousAsync(db));
    }

    [Fact]
    public async Task UriDataSource_SyncsTheWalThatSqliteOpened()
    {
        await SetJournalModeAsync("wal");
        var dataSource = "file:" + Database.FilePath + "?cache=private";
        var group = SqliteGroupCommit.For(dataSource);
        var options = new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite($"Data Source={dataSource};Foreign Keys=True")
            .AddInterceptors(new SqlitePragmaInterceptor(SqliteSynchronous.Full))
            .Options;
        await using var db = new SqliteGrundschutzDbContext(options);
        await db.Database.OpenConnectionAsync();
        db.Municipalities.Add(NewMunicipality("06001000", "Uristadt"));

        Assert.Equal(1, await db.SaveChangesAsync());

        // The WAL beside the file SQLite opened was synced – not a file named after the URI, which does not exist.
        Assert.Equal((1L, 1L, 1L), (group.Committed, group.Durable, group.Syncs));
        await using var check = Database.NewContext();
        Assert.Equal("Uristadt", (await check.Municipalities.SingleAsync()).Name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentSaves_AreAllSyncedBeforeTheyReturn_WithAtMostOneSyncEach(bool statementCache)
    {
        await SetJournalModeAsync("wal");
        var group = SqliteGroupCommit.For(Database.FilePath);
        var interceptor = new SqlitePragmaInterceptor(SqliteSynchronous.Full);

        async Task<long> SaveAsync(int i)
        {
            await using var db = Context(interceptor, statementCache: statementCache);
            db.Municipalities.Add(NewMunicipality($"02{i:D3}000", $"Parallelgemeinde {i}"));
            await db.SaveChangesAsync();
            return group.Durable;
        }

        var durableWhenReturned = await Task.WhenAll(Enumerable.Range(1, 24).Select(i => Task.Run(() => SaveAsync(i))));

        Assert.Equal(24, group.Committed);
        Assert.Equal(24, group.Durable);
        Assert.InRange(group.Syncs, 1, 24);
        // No save returned before at least as many commits as it saw were synced.
        Assert.All(durableWhenReturned, durable => Assert.InRange(durable, 1, 24));
        await using var check = Database.NewContext();
        Assert.Equal(24, await check.Municipalities.CountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FailedSave_LeavesTheConnectionAtFull_AndCountsNothing(bool statementCache)
    {
        await SetJournalModeAsync("wal");
        var group = SqliteGroupCommit.For(Database.FilePath);
        await using (var first = Context(new SqlitePragmaInterceptor(SqliteSynchronous.Full)))
        {
            first.Municipalities.Add(NewMunicipality("03001000", "Erststadt"));
            await first.SaveChangesAsync();
        }

        await using var db = Context(new SqlitePragmaInterceptor(SqliteSynchronous.Full), statementCache: statementCache);
        await db.Database.OpenConnectionAsync();
        db.Municipalities.Add(NewMunicipality("03001000", "Doppelstadt"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(2L, await SynchronousAsync(db));
        Assert.Equal(1, group.Committed);
        Assert.Equal(1, group.Durable);
    }

    [Fact]
    public async Task NoChanges_NeedNoSync()
    {
        await SetJournalModeAsync("wal");
        var group = SqliteGroupCommit.For(Database.FilePath);
        await using var db = Context(new SqlitePragmaInterceptor(SqliteSynchronous.Full));

        Assert.Equal(0, await db.SaveChangesAsync());

        Assert.Equal(0, group.Committed);
        Assert.Equal(0, group.Syncs);
    }

    [Theory]
    [InlineData("delete", SqliteSynchronous.Full, true, 2L)]
    [InlineData("wal", SqliteSynchronous.Normal, true, 1L)]
    [InlineData("wal", SqliteSynchronous.Full, false, 2L)]
    public async Task WithoutWal_WithNormal_OrSwitchedOff_SavesCommitAsConfigured(string journalMode, SqliteSynchronous synchronous, bool groupCommit, long expected)
    {
        await SetJournalModeAsync(journalMode);
        var group = SqliteGroupCommit.For(Database.FilePath);
        var recorder = new SynchronousRecorder();
        await using var db = Context(new SqlitePragmaInterceptor(synchronous, groupCommit), recorder);
        await db.Database.OpenConnectionAsync();
        db.Municipalities.Add(NewMunicipality("04001000", "Einzelstadt"));

        Assert.Equal(1, await db.SaveChangesAsync());

        Assert.Equal([expected], recorder.AtInsert);
        Assert.Equal(expected, await SynchronousAsync(db));
        Assert.Equal(0, group.Committed);
        Assert.Equal(0, group.Syncs);
    }

    private async Task SetJournalModeAsync(string mode)
    {
        await using var db = Database.NewContext();
        var sql = mode == "wal" ? "PRAGMA journal_mode=wal" : "PRAGMA journal_mode=delete";
        var result = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        Assert.Equal(mode, Assert.Single(result));
    }

    /// <summary>A context as the app configures it; with <paramref name="statementCache"/> its connection keeps its statements.</summary>
    private SqliteGrundschutzDbContext Context(SqlitePragmaInterceptor pragmas, SynchronousRecorder? recorder = null, bool statementCache = false)
    {
        var builder = new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite($"Data Source={Database.FilePath};Foreign Keys=True");
        builder = recorder is null ? builder.AddInterceptors(pragmas) : builder.AddInterceptors(pragmas, recorder);
        if (statementCache)
        {
            builder.AddInterceptors(new SqliteStatementCacheInterceptor());
        }

        var context = new SqliteGrundschutzDbContext(builder.Options);
        Assert.Equal(statementCache, context.Database.GetDbConnection() is CachingSqliteConnection);
        return context;
    }

    private static async Task<long> SynchronousAsync(GrundschutzDbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();


    /// <summary>Reads the connection's synchronous setting just before each INSERT runs.</summary>
    private sealed class SynchronousRecorder : DbCommandInterceptor
    {
        public List<long> AtInsert { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return base.NonQueryExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (!command.CommandText.Contains("INSERT INTO \"Municipalities\"", StringComparison.Ordinal))
            {
                return;
            }

            using var probe = ((SqliteConnection)command.Connection!).CreateCommand();
            probe.CommandText = "SELECT synchronous FROM pragma_synchronous";
            lock (AtInsert)
            {
                AtInsert.Add((long)probe.ExecuteScalar()!);
            }
        }
    }
}
