using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Startup step after the migrations: history rows written before the hash chain existed get their sequence,
/// previous hash and hash (ordered by time, then id), and their answers the chain head. Runs in batches; rows that
/// already have a hash are never touched, so it is a no-op once done.
/// </summary>
public static class AnswerChainBackfill
{
    private const int BatchSize = 500;

    /// <summary>Chains every unchained answer history; returns the number of answers updated.</summary>
    public static async Task<int> RunAsync(GrundschutzDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        var total = 0;
        while (true)
        {
            var batch = await db.Answers
                .Include(a => a.History)
                .Where(a => a.History.Any(h => h.Hash == null))
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var answer in batch)
            {
                var assessmentId = db.Entry(answer).Property<Guid>("AssessmentId").CurrentValue;
                string? previous = null;
                var sequence = 0;
                foreach (var change in answer.History.OrderBy(h => h.At).ThenBy(h => h.Id))
                {
                    sequence++;
                    var entry = db.Entry(change);
                    entry.Property(c => c.Sequence).CurrentValue = sequence;
                    entry.Property(c => c.PreviousHash).CurrentValue = previous;
                    var hash = AnswerChain.Hash(AnswerChain.EntryOf(assessmentId, answer.RequirementId, answer.TargetObjectId, change) with
                    {
                        Sequence = sequence,
                        PreviousHash = previous,
                    });
                    entry.Property(c => c.Hash).CurrentValue = hash;
                    previous = hash;
                }

                var answerEntry = db.Entry(answer);
                answerEntry.Property(a => a.ChainLength).CurrentValue = sequence;
                answerEntry.Property(a => a.ChainHead).CurrentValue = previous;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Answer history hash chain backfilled for {Count} answer(s)", total);
        }

        return total;
    }
}
