using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;
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
        var check = new Incremental(assessmentId);
        check.Begin(answer);
        foreach (var change in answer.History.OrderBy(c => c.Sequence).ThenBy(c => c.Id))
        {
            check.Add(change);
        }

        return check.End();
    }

    /// <summary>
    /// Checks chains as their entries stream past, answer by answer, without holding them: <see cref="Begin"/> an
    /// answer, <see cref="Add"/> its entries in chain order (by sequence, then id – as <see cref="Verify"/> orders
    /// them), <see cref="End"/> returns its first break. Holds only the previous hash and the count of the current answer.
    /// </summary>
    public sealed class Incremental(Guid assessmentId)
    {
        private Answer? _answer;
        private string? _previous;
        private int _expected;
        private ChainBreak? _break;

        /// <summary>The answer whose entries are being checked, if any.</summary>
        public Answer? Current => _answer;

        /// <summary>Starts checking <paramref name="answer"/> (its History is not read; it may be empty).</summary>
        public void Begin(Answer answer)
        {
            ArgumentNullException.ThrowIfNull(answer);
            if (_answer is not null)
            {
                throw new InvalidOperationException("The chain of the previous answer was not ended.");
            }

            _answer = answer;
            _previous = null;
            _expected = 0;
            _break = null;
        }

        /// <summary>The next entry of the current answer's chain; after a break the rest of the chain is not checked.</summary>
        public void Add(AnswerChange change)
        {
            ArgumentNullException.ThrowIfNull(change);
            var answer = _answer ?? throw new InvalidOperationException("No answer begun.");
            if (_break is not null)
            {
                return;
            }

            _expected++;
            if (change.Hash is null)
            {
                _break = Break(answer, change, MessageText.Of("Der Eintrag hat keinen Hash (nicht verkettet)."));
                return;
            }

            if (change.Sequence != _expected)
            {
                _break = Break(answer, change, MessageText.Of("Laufende Nummer {0} statt {1}: Ein Eintrag fehlt oder wurde eingefügt.", change.Sequence, _expected));
                return;
            }

            if (!string.Equals(change.PreviousHash, _previous, StringComparison.Ordinal))
            {
                _break = Break(answer, change, MessageText.Of("Der Verweis auf den vorigen Eintrag stimmt nicht: Ein Eintrag davor wurde verändert, entfernt oder eingefügt."));
                return;
            }

            var recomputed = AnswerChain.Hash(AnswerChain.EntryOf(assessmentId, answer.RequirementId, answer.TargetObjectId, change));
            if (!string.Equals(recomputed, change.Hash, StringComparison.Ordinal))
            {
                _break = Break(answer, change, MessageText.Of("Der Inhalt des Eintrags passt nicht zu seinem Hash: Er wurde nachträglich verändert."));
                return;
            }

            _previous = change.Hash;
        }

        /// <summary>Ends the current answer: its first break (an entry, or the head and length on the answer row), or null.</summary>
        public ChainBreak? End()
        {
            var answer = _answer ?? throw new InvalidOperationException("No answer begun.");
            _answer = null;
            if (_break is not null)
            {
                return _break;
            }

            if (answer.ChainLength != _expected || !string.Equals(answer.ChainHead, _previous, StringComparison.Ordinal))
            {
                return Break(answer, null, MessageText.Of(
                    "Die Antwort verweist auf {0} Einträge mit einem anderen letzten Hash, gespeichert sind {1}: Einträge wurden entfernt oder ersetzt.", answer.ChainLength, _expected));
            }

            return null;
        }

        private static ChainBreak Break(Answer answer, AnswerChange? change, MessageText reason) =>
            new(answer.Id, answer.RequirementId, answer.TargetObjectId, change?.Id, change?.Sequence ?? 0, reason);
    }
}
