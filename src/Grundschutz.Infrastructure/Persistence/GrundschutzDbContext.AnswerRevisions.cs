using Grundschutz.Domain.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Persistence;

/// <summary>Answer revisions (see <see cref="Configurations.AnswerRevisionConfiguration"/>).</summary>
public abstract partial class GrundschutzDbContext
{
    /// <summary>Shadow property of <see cref="Assessment"/>: raised by one on every save that changes its answers.</summary>
    public const string AnswersRevision = "AnswersRevision";

    /// <summary>Shadow property of <see cref="Answer"/>: the assessment's <see cref="AnswersRevision"/> of its last save.</summary>
    public const string AnswerRevision = "Revision";

    /// <summary>
    /// Saves; when answers change, first raises each affected assessment's revision in the database
    /// (<c>UPDATE … SET AnswersRevision = AnswersRevision + 1</c>, atomic under concurrent saves because the row
    /// stays locked until commit) and stamps the changed answers with the new value, all in one transaction with
    /// the save: a failed save leaves the revision as it was. A new assessment starts at revision 1.
    /// In a transaction begun here, EF Core's automatic savepoint around the save is switched off: a failed save
    /// rolls the whole transaction back anyway, and the savepoint would cost two more statements on every save.
    /// </summary>
    private async Task<int> SaveWithAnswerRevisionsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var changed = AnswersByAssessment();
        if (changed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = savepoints && own is null;
        try
        {
            foreach (var (assessmentId, answers) in changed)
            {
                long revision;
                if (NewAssessment(assessmentId) is { } added)
                {
                    revision = Math.Max(1, added.Property<long>(AnswersRevision).CurrentValue);
                    added.Property<long>(AnswersRevision).CurrentValue = revision;
                }
                else
                {
                    revision = (await Database.SqlQuery<long>(RaiseRevision(assessmentId)).ToListAsync(cancellationToken)).FirstOrDefault();
                }

                Stamp(answers, revision);
            }

            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The synchronous twin of <see cref="SaveWithAnswerRevisionsAsync"/>.</summary>
    private int SaveWithAnswerRevisions(bool acceptAllChangesOnSuccess)
    {
        var changed = AnswersByAssessment();
        if (changed.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = savepoints && own is null;
        try
        {
            return SaveWithAnswerRevisions(acceptAllChangesOnSuccess, changed, own);
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private int SaveWithAnswerRevisions(
        bool acceptAllChangesOnSuccess,
        Dictionary<Guid, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Answer>>> changed,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? own)
    {
        foreach (var (assessmentId, answers) in changed)
        {
            long revision;
            if (NewAssessment(assessmentId) is { } added)
            {
                revision = Math.Max(1, added.Property<long>(AnswersRevision).CurrentValue);
                added.Property<long>(AnswersRevision).CurrentValue = revision;
            }
            else
            {
                revision = Database.SqlQuery<long>(RaiseRevision(assessmentId)).ToList().FirstOrDefault();
            }

            Stamp(answers, revision);
        }

        var result = base.SaveChanges(acceptAllChangesOnSuccess);
        own?.Commit();
        return result;
    }

    /// <summary>
    /// One statement that raises the revision and returns the new value (SQLite ≥ 3.35 and PostgreSQL both know
    /// <c>UPDATE … RETURNING</c>); the id is a parameter.
    /// </summary>
    private static FormattableString RaiseRevision(Guid assessmentId) =>
        $"UPDATE \"Assessments\" SET \"AnswersRevision\" = \"AnswersRevision\" + 1 WHERE \"Id\" = {assessmentId} RETURNING \"AnswersRevision\" AS \"Value\"";

    /// <summary>Added, modified or deleted answers grouped by assessment (after DetectChanges in StampAssessments).</summary>
    private Dictionary<Guid, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Answer>>> AnswersByAssessment()
    {
        var result = new Dictionary<Guid, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Answer>>>();
        foreach (var entry in ChangeTracker.Entries<Answer>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Property("AssessmentId").CurrentValue is not Guid assessmentId)
            {
                continue;
            }

            if (!result.TryGetValue(assessmentId, out var list))
            {
                result[assessmentId] = list = [];
            }

            list.Add(entry);
        }

        return result;
    }

    private Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Assessment>? NewAssessment(Guid id) =>
        ChangeTracker.Entries<Assessment>().FirstOrDefault(e => e.State == EntityState.Added && e.Entity.Id == id);

    private static void Stamp(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Answer>> answers, long revision)
    {
        foreach (var entry in answers.Where(e => e.State != EntityState.Deleted))
        {
            entry.Property<long>(AnswerRevision).CurrentValue = revision;
        }
    }
}
