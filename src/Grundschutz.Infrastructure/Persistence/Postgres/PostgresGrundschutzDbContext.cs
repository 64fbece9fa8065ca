using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Persistence.Postgres;

/// <summary>PostgreSQL flavour of the model (state-wide deployments). Migrations live in Postgres/Migrations.</summary>
public sealed class PostgresGrundschutzDbContext : GrundschutzDbContext
{
    public PostgresGrundschutzDbContext(DbContextOptions<PostgresGrundschutzDbContext> options) : base(options) { }
}
