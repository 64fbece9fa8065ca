using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Verifies the stored hash chains of an assessment's answers (see <see cref="AnswerChain"/>): per answer, the
/// sequence numbers run 1…n without gaps, each entry's previous hash is the stored hash of the entry before, each
/// stored hash equals the recomputed one, and the answer row's chain head and length match the last entry. Any
/// change to a value, user, time or order in the database shows up as a break naming the entry.
/// </summary>
public static class AnswerChainVerifier
{
    /// <summary>All breaks of assessment <paramref name="assessmentId"/> (empty: intact).</summary>
    public static async Task<IReadOnlyList<ChainBreak>> VerifyAsync(GrundschutzDbContext db, Guid assessmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId)
            .Include(a => a.History)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var breaks = new List<ChainBreak>();
        foreach (var answer in answers.OrderBy(a => a.RequirementId, StringComparer.Ordinal).ThenBy(a => a.TargetObjectId))
        {
            var found = Verify(assessmentId, answer);
            if (found is not null)
            {
                breaks.Add(found);
            }
        }

        return breaks;
    }

    /// <summary>The first break in one answer's chain, or null.</summary>
    public static ChainBreak? Verify(Guid assessmentId, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        string? previous = null;
        var expected = 0;
        ChainBreak Break(AnswerChange? change, string reason) =>
            new(answer.Id, answer.RequirementId, answer.TargetObjectId, change?.Id, change?.Sequence ?? 0, reason);

        foreach (var change in answer.History.OrderBy(c => c.Sequence).ThenBy(c => c.Id))
        {
            expected++;
            if (change.Hash is null)
            {
                return Break(change, "Der Eintrag hat keinen Hash (nicht verkettet).");
            }

            if (change.Sequence != expected)
            {
                return Break(change, $"Laufende Nummer {change.Sequence} statt {expected}: Ein Eintrag fehlt oder wurde eingefügt.");
            }

            if (!string.Equals(change.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Break(change, "Der Verweis auf den vorigen Eintrag stimmt nicht: Ein Eintrag davor wurde verändert, entfernt oder eingefügt.");
            }

            var recomputed = AnswerChain.Hash(AnswerChain.EntryOf(assessmentId, answer.RequirementId, answer.TargetObjectId, change));
            if (!string.Equals(recomputed, change.Hash, StringComparison.Ordinal))
            {
                return Break(change, "Der Inhalt des Eintrags passt nicht zu seinem Hash: Er wurde nachträglich verändert.");
            }

            previous = change.Hash;
        }

        if (answer.ChainLength != expected || !string.Equals(answer.ChainHead, previous, StringComparison.Ordinal))
        {
            return Break(null, $"Die Antwort verweist auf {answer.ChainLength} Einträge mit einem anderen letzten Hash, gespeichert sind {expected}: Einträge wurden entfernt oder ersetzt.");
        }

        return null;
    }
}
