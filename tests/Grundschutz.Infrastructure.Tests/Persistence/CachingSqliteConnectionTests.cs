using System.Data;
using System.Data.Common;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Infrastructure.Tests.Persistence.TestMunicipalities;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>
/// The statement cache (<see cref="CachingSqliteConnection"/>, <c>Database:SqliteStatementCache</c>): pooled contexts
/// keep their connection and its prepared statements between uses, yet always read current data, never hold a read
/// snapshot or a transaction while parked, and close for real when something is left open.
/// </summary>
[Collection(ConnectionPoolCollection.Name)]
public sealed class CachingSqliteConnectionTests : IAsyncLifetime
{
    private readonly TestDatabase[] _databases = new TestDatabase[1];

    private TestDatabase Database => _databases[0];

    public async Task InitializeAsync()
    {
        _databases[0] = await TestDatabase.CreateAsync();
        await using var db = Database.NewContext();
        Assert.Equal("wal", Assert.Single(await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode=wal").ToListAsync()));
        db.Municipalities.AddRange(NewMunicipality("01001000", "Erststadt"), NewMunicipality("01002000", "Zweitdorf"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task PooledContexts_ReuseTheirPreparedStatements_AndReadWhatOthersWroteMeanwhile()
    {
        await using var services = Services(statementCache: true);
        CachingSqliteConnection? connection = null;
        for (var round = 1; round <= 4; round++)
        {
            // Another writer (a plain connection, outside the pool) renames the town between the rounds.
            await RenameAsync("01001000", $"Erststadt {round}");
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            var current = Assert.IsType<CachingSqliteConnection>(db.Database.GetDbConnection());
            Assert.Same(connection ?? current, current);
            connection = current;

            var name = await db.Municipalities.Where(m => m.Ags == "01001000").Select(m => m.Name).SingleAsync();

            Assert.Equal($"Erststadt {round}", name);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            // Back in the pool the connection stays open ("parked") with its statements.
            Assert.True(connection!.IsParked);
            Assert.Equal(ConnectionState.Open, connection.State);
        }

        // The query's statement was prepared once and then found in the cache three times.
        Assert.True(connection.Reused >= 3, $"reused {connection.Reused}, prepared {connection.Prepared}");
        Assert.True(connection.CachedStatements >= 1);
    }

    [Fact]
    public async Task ParkedConnections_HoldNoSnapshot_SoACheckpointCanEmptyTheWal()
    {
        await using var services = Services(statementCache: true);
        for (var i = 0; i < 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            await db.Database.OpenConnectionAsync();
            _ = await db.Municipalities.OrderBy(m => m.Id).ToListAsync();
            db.Municipalities.Add(NewMunicipality($"0200{i}000", $"Neustadt {i}"));
            await db.SaveChangesAsync();
        }

        await using var other = Open();
        await using var checkpoint = other.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await checkpoint.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        // busy = 0: no connection kept a read transaction that would have blocked the truncation.
        Assert.Equal(0L, reader.GetInt64(0));
        Assert.Equal(0L, new FileInfo(Database.FilePath + "-wal").Length);
    }

    [Fact]
    public async Task ACloseWithAnOpenReaderOrTransaction_ClosesForReal()
    {
        await using var connection = new CachingSqliteConnection($"Data Source={Database.FilePath}");
        await connection.OpenAsync();
        var command = ((DbConnection)connection).CreateCommand();
        command.CommandText = "SELECT \"Name\" FROM \"Municipalities\" ORDER BY \"Id\"";
        var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        // A statement in the middle of its rows holds a read snapshot: the connection must not stay open unseen.
        await connection.CloseAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.False(connection.IsParked);

        // The command of that reader, given back only now, belonged to the closed connection: it is not kept (closing
        // disposed it; kept, its statements would no longer be finalised with the connection).
        await connection.OpenAsync();
        await reader.DisposeAsync();
        await command.DisposeAsync();
        Assert.Equal(0, connection.CachedStatements);
        var prepared = connection.Prepared;
        await using (var again = ((DbConnection)connection).CreateCommand())
        {
            again.CommandText = "SELECT \"Name\" FROM \"Municipalities\" ORDER BY \"Id\"";
            Assert.Equal("Erststadt", await again.ExecuteScalarAsync());
        }

        Assert.Equal(prepared + 1, connection.Prepared);
        Assert.Equal(1, connection.CachedStatements);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.CloseAsync();
            Assert.Equal(ConnectionState.Closed, connection.State);
        }

        await connection.OpenAsync();
        await connection.CloseAsync();
        Assert.True(connection.IsParked);
        Assert.Equal(ConnectionState.Open, connection.State);

        connection.DoNotKeep();
        await connection.CloseAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, connection.CachedStatements);
    }

    [Fact]
    public async Task TheSameSqlTwiceAtOnce_GetsTwoCommands_AndParametersAreBoundAnewEachTime()
    {
        await using var connection = new CachingSqliteConnection($"Data Source={Database.FilePath}");
        await connection.OpenAsync();
        const string sql = "SELECT \"Name\" FROM \"Municipalities\" WHERE \"Ags\" = $ags";

        await using (var outer = Command(connection, sql, "01001000"))
        await using (var outerReader = await outer.ExecuteReaderAsync())
        {
            Assert.True(await outerReader.ReadAsync());
            await using var inner = Command(connection, sql, "01002000");
            Assert.Equal("Zweitdorf", await inner.ExecuteScalarAsync());
            Assert.Equal("Erststadt", outerReader.GetString(0));
        }

        // Both given back: one kept for the text, the other disposed.
        Assert.Equal(1, connection.CachedStatements);
        for (var i = 0; i < 3; i++)
        {
            await using var again = Command(connection, sql, i % 2 == 0 ? "01002000" : "01001000");
            Assert.Equal(i % 2 == 0 ? "Zweitdorf" : "Erststadt", await again.ExecuteScalarAsync());
        }

        Assert.Equal(2, connection.Prepared);
        Assert.Equal(3, connection.Reused);
    }

    [Fact]
    public async Task TheCacheIsBounded()
    {
        await using var connection = new CachingSqliteConnection($"Data Source={Database.FilePath}");
        await connection.OpenAsync();
        for (var i = 0; i < CachingSqliteConnection.MaxStatements + 50; i++)
        {
            await using var command = ((DbConnection)connection).CreateCommand();
            command.CommandText = $"SELECT {i}";
            Assert.Equal((long)i, await command.ExecuteScalarAsync());
        }

        Assert.Equal(CachingSqliteConnection.MaxStatements, connection.CachedStatements);
    }

    [Fact]
    public async Task Dispose_ClosesAParkedConnection()
    {
        var connection = new CachingSqliteConnection($"Data Source={Database.FilePath}");
        await connection.OpenAsync();
        await using (var command = ((DbConnection)connection).CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM \"Municipalities\"";
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }

        await connection.CloseAsync();
        Assert.True(connection.IsParked);

        await connection.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, connection.CachedStatements);
    }

    [Fact]
    public async Task AtMostMaxParkedConnectionsStayOpen_AndDisposeGivesThePlaceBack()
    {
        var before = CachingSqliteConnection.Parked;
        var connections = new List<CachingSqliteConnection>();
        try
        {
            for (var i = before; i <= CachingSqliteConnection.MaxParked; i++)
            {
                var connection = new CachingSqliteConnection($"Data Source={Database.FilePath}");
                connections.Add(connection);
                await connection.OpenAsync();
                await connection.CloseAsync();
            }

            // All but the last found a place; the last one, over the limit, really closed.
            Assert.Equal(CachingSqliteConnection.MaxParked, CachingSqliteConnection.Parked);
            Assert.All(connections[..^1], c => Assert.True(c.IsParked));
            Assert.False(connections[^1].IsParked);
            Assert.Equal(ConnectionState.Closed, connections[^1].State);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        Assert.Equal(before, CachingSqliteConnection.Parked);
    }

    [Fact]
    public async Task WhenTheAppStops_ItsKeptConnectionsAreClosed()
    {
        var before = CachingSqliteConnection.Parked;
        var services = Services(statementCache: true);
        CachingSqliteConnection connection;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            connection = Assert.IsType<CachingSqliteConnection>(db.Database.GetDbConnection());
            Assert.Equal(2, await db.Municipalities.CountAsync());
        }

        Assert.True(connection.IsParked);
        Assert.Equal(before + 1, CachingSqliteConnection.Parked);

        // EF Core's pool leaves its contexts' connections alone; the interceptor, a singleton of the app, closes them.
        await services.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.False(connection.IsParked);
        Assert.Equal(before, CachingSqliteConnection.Parked);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheSettingDecidesWhichConnectionEfCoreGets(bool statementCache)
    {
        await using var services = Services(statementCache);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();

        Assert.Equal(statementCache, db.Database.GetDbConnection() is CachingSqliteConnection);
        Assert.Equal(2, await db.Municipalities.CountAsync());
    }

    private ServiceProvider Services(bool statementCache)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Grundschutz"] = $"Data Source={Database.FilePath}",
            ["Database:SqliteStatementCache"] = statementCache ? "true" : "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrundschutzInfrastructure(configuration, Path.GetDirectoryName(Database.FilePath)!);
        return services.BuildServiceProvider();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Database.FilePath}");
        connection.Open();
        return connection;
    }

    private async Task RenameAsync(string ags, string name)
    {
        await using var connection = Open();
        await using var command = Command(connection, "UPDATE \"Municipalities\" SET \"Name\" = $name WHERE \"Ags\" = $ags", ags);
        command.Parameters.Add(new SqliteParameter("$name", name));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>A command as EF Core creates one: through <see cref="DbConnection.CreateCommand"/>, text first.</summary>
    private static DbCommand Command(DbConnection connection, string sql, string ags)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$ags", ags));
        return command;
    }

}
