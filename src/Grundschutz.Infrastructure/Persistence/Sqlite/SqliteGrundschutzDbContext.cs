using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>SQLite flavour of the model (embedded default). Migrations live in Sqlite/Migrations.</summary>
public sealed class SqliteGrundschutzDbContext : GrundschutzDbContext
{
    public SqliteGrundschutzDbContext(DbContextOptions<SqliteGrundschutzDbContext> options) : base(options) { }

    private SemaphoreSlim? _gate;

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
