using System.Runtime.CompilerServices;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// The history entries of one assessment's answers, read from the database one row at a time (no tracking) in the
/// order of the answer trail: answers by requirement id (ordinal) and target object id – as
/// <see cref="EvidencePackageWriter"/> orders them – and each answer's entries by chain sequence, then id – as
/// <see cref="AnswerChainVerifier"/> checks them. Memory does not grow with the number of entries. Valid as long as
/// <paramref name="db"/> is; each <see cref="ReadAsync"/> runs the query anew.
/// </summary>
public sealed class AnswerHistoryStream(GrundschutzDbContext db, Guid assessmentId)
{
    /// <summary>Every history entry of the assessment with its answer's id, in trail order.</summary>
    public async IAsyncEnumerable<(Guid AnswerId, AnswerChange Change)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Query().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return (row.AnswerId, row.Change);
        }
    }

    /// <summary>
    /// Checks one answer's chain from its stored entries alone (loaded for this answer only, ordered in memory by
    /// sequence, then id, as <see cref="AnswerChainVerifier.Verify(Guid, Answer)"/> does): confirms a break found while
    /// streaming, so a wrong streaming order cannot be reported as tampering. The first break, or null.
    /// </summary>
    public async Task<ChainBreak?> VerifyAnswerAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var entries = await db.Set<AnswerChange>().AsNoTracking()
            .Where(c => EF.Property<Guid>(c, "AnswerId") == answer.Id)
            .ToListAsync(cancellationToken);
        var check = new AnswerChainVerifier.Incremental(assessmentId);
        check.Begin(answer);
        foreach (var change in entries.OrderBy(c => c.Sequence).ThenBy(c => c.Id))
        {
            check.Add(change);
        }

        return check.End();
    }

    /// <summary>The ordered query (for tests and query plans).</summary>
    internal IQueryable<StreamedChange> Query()
    {
        // Ordinal order of the requirement id as .NET's StringComparer.Ordinal sorts it (the ids are ASCII): SQLite's
        // BINARY is the column default; PostgreSQL's default collation may follow a locale, so "C" is named explicitly.
        // Guids: SQLite stores them as upper-case text, PostgreSQL as uuid; both sort as Guid.CompareTo does.
        var ordinal = db.Database.IsNpgsql() ? "C" : "BINARY";
        var answers = db.Answers.Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId);
        return db.Set<AnswerChange>().AsNoTracking()
            .Join(answers, c => EF.Property<Guid>(c, "AnswerId"), a => a.Id, (c, a) => new { Answer = a, Change = c })
            .OrderBy(x => EF.Functions.Collate(x.Answer.RequirementId, ordinal))
            .ThenBy(x => x.Answer.TargetObjectId)
            .ThenBy(x => x.Change.Sequence)
            .ThenBy(x => x.Change.Id)
            .Select(x => new StreamedChange { AnswerId = x.Answer.Id, Change = x.Change });
    }

    /// <summary>One row of <see cref="Query"/>.</summary>
    internal sealed class StreamedChange
    {
        public Guid AnswerId { get; init; }

        public AnswerChange Change { get; init; } = null!;
    }
}
