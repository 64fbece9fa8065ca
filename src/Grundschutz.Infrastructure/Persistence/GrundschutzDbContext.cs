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
public abstract partial class GrundschutzDbContext : IdentityDbContext<ApplicationUser>
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

    public DbSet<Grundschutz.Domain.Evidence.PolicyDocument> PolicyDocuments => Set<Grundschutz.Domain.Evidence.PolicyDocument>();

    public DbSet<Mapping.StoredMappingCollection> MappingCollections => Set<Mapping.StoredMappingCollection>();

    public DbSet<Mapping.StoredMapEntry> MapEntries => Set<Mapping.StoredMapEntry>();

    public DbSet<Workshops.Workshop> Workshops => Set<Workshops.Workshop>();

    public DbSet<Workshops.PendingWorkbookImport> PendingWorkbookImports => Set<Workshops.PendingWorkbookImport>();

    public DbSet<Benchmarking.AssessmentKpiSnapshot> KpiSnapshots => Set<Benchmarking.AssessmentKpiSnapshot>();

    /// <summary>Shadow property of <see cref="Assessment"/> used as its concurrency token.</summary>
    public const string ConcurrencyStamp = "ConcurrencyStamp";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        var gate = WriteGate();
        var entered = false;
        Sqlite.SqliteGroupCommit? group = null;
        long ticket = 0;
        int result;
        try
        {
            StampAssessments();
            if (gate is not null)
            {
                gate.Wait();
                entered = true;
                group = BeginGroupCommit();
            }

            result = SaveWithAnswerRevisions(acceptAllChangesOnSuccess);
            ticket = result > 0 && group is not null ? group.Commit() : 0;
        }
        finally
        {
            EndSave(gate, entered, group, autoDetect);
        }

        if (ticket > 0)
        {
            group!.MakeDurable(ticket);
        }

        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once (in StampAssessments); the stamps and revisions are then set through the change
        // tracker, so the further scans that ChangeTracker.Entries() and the base SaveChanges would run are skipped.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        var gate = WriteGate();
        var entered = false;
        Sqlite.SqliteGroupCommit? group = null;
        long ticket = 0;
        int result;
        try
        {
            StampAssessments();
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
                entered = true;
                group = BeginGroupCommit();
            }

            result = await SaveWithAnswerRevisionsAsync(acceptAllChangesOnSuccess, cancellationToken);
            ticket = result > 0 && group is not null ? group.Commit() : 0;
        }
        finally
        {
            EndSave(gate, entered, group, autoDetect);
        }

        // Outside the gate: the next writer commits while this one waits for the sync (group commit).
        if (ticket > 0)
        {
            await group!.MakeDurableAsync(ticket);
        }

        return result;
    }

    /// <summary>Ends a save: undoes the group commit's setting, leaves the gate and restores change detection.</summary>
    private void EndSave(SemaphoreSlim? gate, bool entered, Sqlite.SqliteGroupCommit? group, bool autoDetect)
    {
        try
        {
            if (group is not null)
            {
                EndGroupCommit();
            }
        }
        finally
        {
            if (entered)
            {
                gate!.Release();
            }

            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// The gate a save must pass before it writes (<see cref="Sqlite.SqliteWriteGate"/>), or null: for PostgreSQL
    /// (row locks, many writers) and inside a transaction the caller began (it may already hold the write lock).
    /// </summary>
    protected virtual SemaphoreSlim? WriteGate() => null;

    /// <summary>
    /// Called inside the write gate before a save: switches the connection to deferred syncing and returns the group
    /// commit that syncs after the gate (<see cref="Sqlite.SqliteGroupCommit"/>), or null to save as configured.
    /// </summary>
    protected virtual Sqlite.SqliteGroupCommit? BeginGroupCommit() => null;

    /// <summary>Undoes <see cref="BeginGroupCommit"/> (still inside the gate, whether or not the save succeeded).</summary>
    protected virtual void EndGroupCommit()
    {
    }

    /// <summary>
    /// Renews the stamp of every assessment whose row or scope/workflow children change. Answers are excluded:
    /// they carry their own version, so colleagues answering different questions never conflict.
    /// </summary>
    private void StampAssessments()
    {
        ChangeTracker.DetectChanges();
        var touched = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Assessment a:
                    touched.Add(a.Id);
                    break;
                case TargetObject or ModuleApplication or ModuleExclusion or ContributorAssignment or AssessmentTransition:
                    if (entry.Property("AssessmentId").CurrentValue is Guid parent)
                    {
                        touched.Add(parent);
                    }

                    break;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Assessment>().Where(e => touched.Contains(e.Entity.Id)))
        {
            entry.Property(ConcurrencyStamp).CurrentValue = Guid.NewGuid();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GrundschutzDbContext).Assembly);
    }
}
