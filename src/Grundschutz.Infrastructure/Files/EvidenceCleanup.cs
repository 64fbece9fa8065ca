using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Files;

/// <summary>
/// Removes stored evidence files that nothing references any more — no evidence file of any answer (of any
/// assessment, including reopened and archived ones) and no policy document — and temporary files of uploads that
/// never finished. Files written or uploaded again within <paramref name="minimumAge"/> are always kept, so an upload
/// whose database row is not yet saved is never touched; each candidate's references are checked again just before it
/// is deleted. The evidence package only ever contains files that are referenced, so removing the rest loses nothing
/// an auditor can ask for, and a file that a user removed from an answer (e.g. because it held personal data) really goes.
/// </summary>
public sealed class EvidenceCleanup(GrundschutzDbContext db, EvidenceStore store, TimeProvider time)
{
    /// <summary>Minimum age of an unreferenced file before it is removed, unless another is given.</summary>
    public static readonly TimeSpan DefaultMinimumAge = TimeSpan.FromHours(24);

    /// <summary>Finds (and unless <paramref name="dryRun"/>, deletes) unreferenced files older than <paramref name="minimumAge"/>.</summary>
    public async Task<EvidenceCleanupResult> RunAsync(TimeSpan minimumAge, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumAge, TimeSpan.Zero);
        var cutoff = time.GetUtcNow() - minimumAge;
        var stored = store.ListStored();
        var referenced = await ReferencedAsync(cancellationToken);
        var candidates = stored.Where(f => !referenced.Contains(f.Key) && f.LastWrite <= cutoff).ToList();
        var removed = new List<StoredFile>();
        foreach (var file in candidates)
        {
            // A reference saved since the list above was read keeps the file.
            if (await IsReferencedAsync(file.Key, cancellationToken))
            {
                continue;
            }

            if (dryRun || store.DeleteIfUntouchedSince(file.Key, cutoff))
            {
                removed.Add(file);
            }
        }

        var abandoned = new List<StoredFile>();
        foreach (var upload in store.ListAbandonedUploads().Where(u => u.LastWrite <= cutoff))
        {
            if (dryRun || store.DeleteIfUntouchedSince(upload.Key, cutoff))
            {
                abandoned.Add(upload);
            }
        }

        return new EvidenceCleanupResult(stored.Count, stored.Count(f => referenced.Contains(f.Key)), removed, abandoned, dryRun);
    }

    private async Task<HashSet<string>> ReferencedAsync(CancellationToken cancellationToken)
    {
        var answers = await Attached().Select(e => e.StorageKey).Distinct().ToListAsync(cancellationToken);
        var policies = await db.PolicyDocuments.AsNoTracking().Select(p => p.StorageKey).Distinct().ToListAsync(cancellationToken);
        return answers.Concat(policies).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Evidence rows; each belongs to an answer (a file removed from an answer deletes its row).</summary>
    private IQueryable<Domain.Assessments.EvidenceFile> Attached() =>
        db.Set<Domain.Assessments.EvidenceFile>().AsNoTracking();

    private async Task<bool> IsReferencedAsync(string key, CancellationToken cancellationToken) =>
        await Attached().AnyAsync(e => e.StorageKey == key, cancellationToken)
        || await db.PolicyDocuments.AsNoTracking().AnyAsync(p => p.StorageKey == key, cancellationToken);
}

/// <summary>What <see cref="EvidenceCleanup"/> found: stored files, of which referenced, removed (or, on a dry run, to remove) and abandoned uploads.</summary>
public sealed record EvidenceCleanupResult(int Stored, int Referenced, IReadOnlyList<StoredFile> Removed, IReadOnlyList<StoredFile> AbandonedUploads, bool DryRun)
{
    public long RemovedBytes => Removed.Sum(f => f.SizeBytes) + AbandonedUploads.Sum(f => f.SizeBytes);
}
