using Grundschutz.Infrastructure.Persistence.Postgres;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Grundschutz.Infrastructure.Persistence;

/// <summary>Used by dotnet-ef only (migrations add); no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGrundschutzDbContext>
{
    public SqliteGrundschutzDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(SqliteGrundschutzDbContext).Assembly.FullName))
            .Options);
}

/// <summary>Used by dotnet-ef only (migrations add); no database is opened.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGrundschutzDbContext>
{
    public PostgresGrundschutzDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGrundschutzDbContext>()
            .UseNpgsql("Host=localhost;Database=grundschutz_design")
            .Options);
}
