using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>SQLite flavour of the model (embedded default). Migrations live in Sqlite/Migrations.</summary>
public sealed class SqliteGrundschutzDbContext : GrundschutzDbContext
{
    public SqliteGrundschutzDbContext(DbContextOptions<SqliteGrundschutzDbContext> options) : base(options) { }

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
