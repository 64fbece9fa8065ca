using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>SQLite flavour of the model (embedded default). Migrations live in Sqlite/Migrations.</summary>
public sealed class SqliteGrundschutzDbContext : GrundschutzDbContext
{
    public SqliteGrundschutzDbContext(DbContextOptions<SqliteGrundschutzDbContext> options) : base(options) { }

    private SemaphoreSlim? _gate;

    private SqliteGroupCommit? _groupCommit;

    private bool? _groupCommitConfigured;

    /// <inheritdoc />
    protected override SemaphoreSlim? WriteGate()
    {
        if (Database.CurrentTransaction is not null)
        {
            return null;
        }

        // The same for the life of this (pooled) context: its options, and so its file, never change.
        return _gate ??= SqliteWriteGate.For(new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource);
    }

    /// <inheritdoc />
    protected override SqliteGroupCommit? BeginGroupCommit()
    {
        // Configured through the pragma interceptor (Database:SqliteSynchronous=Full, Database:SqliteGroupCommit);
        // a context without it (tools, tests) keeps SQLite's own FULL commits.
        _groupCommitConfigured ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .OfType<SqlitePragmaInterceptor>().Any(i => i.GroupCommit) == true;
        if (!_groupCommitConfigured.Value)
        {
            return null;
        }

        Database.OpenConnection();
        try
        {
            var connection = Database.GetDbConnection();
            var group = _groupCommit ??= SqliteGroupCommit.For(new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource);
            if (!group.Applies(connection))
            {
                Database.CloseConnection();
                return null;
            }

            SqliteGroupCommit.SetSynchronous(connection, full: false);
            return group;
        }
        catch
        {
            Database.CloseConnection();
            throw;
        }
    }

    /// <inheritdoc />
    protected override void EndGroupCommit()
    {
        var connection = Database.GetDbConnection();
        try
        {
            SqliteGroupCommit.SetSynchronous(connection, full: true);
        }
        catch
        {
            // Let the next open of this native connection send the settings again.
            SqlitePragmaInterceptor.Forget(connection);
            (connection as CachingSqliteConnection)?.DoNotKeep();
            throw;
        }
        finally
        {
            Database.CloseConnection();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no DateTimeOffset type; stored as a sortable integer (all values are UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // SQLite cannot order or aggregate decimals; money amounts fit a double comfortably.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double>();
    }
}
