using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Persistence;

/// <summary>
/// The one model of the application. Provider subclasses (<see cref="Sqlite.SqliteGrundschutzDbContext"/>,
/// <see cref="Postgres.PostgresGrundschutzDbContext"/>) only configure the provider and own their migrations.
/// </summary>
public abstract class GrundschutzDbContext : IdentityDbContext<ApplicationUser>
{
    protected GrundschutzDbContext(DbContextOptions options) : base(options) { }

    public DbSet<StoredCatalog> Catalogs => Set<StoredCatalog>();

    public DbSet<StoredCatalogVersion> CatalogVersions => Set<StoredCatalogVersion>();

    public DbSet<StoredGroup> CatalogGroups => Set<StoredGroup>();

    public DbSet<StoredRequirement> Requirements => Set<StoredRequirement>();

    public DbSet<StoredRequirementLink> RequirementLinks => Set<StoredRequirementLink>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<Answer> Answers => Set<Answer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GrundschutzDbContext).Assembly);
    }
}
