using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// Loads what <see cref="AssessmentScorer"/> needs for one assessment and scores it: the aggregate (target objects,
/// module applications, answers — one query per table, no history or evidence), the catalogue context and facts
/// (cached per catalogue version), the municipality and catalogue names, and the previous assessment for the
/// comparison. Tenant isolation stays with the caller: every assessment, including the previous one, is looked up
/// only through the <see cref="IQueryable{Assessment}"/> the caller passes in (e.g. <c>AssessmentAccess.Visible</c>).
/// A small head query (stamp, answer count and answers' revision) decides whether a score in <see cref="ScoreCache"/>
/// is still valid. When only answers changed since (same stamp and date, higher revision), only the answers saved since
/// are loaded and applied to the cached pairs (<see cref="PairIndex"/>), and the pairs are scored again — the same
/// result as scoring from scratch, without loading tens of thousands of answers.
/// </summary>
public sealed class AssessmentScoreService(GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, ScoreCache cache, TimeProvider time)
{
    /// <summary>
    /// Scores the assessment <paramref name="id"/> as of today, or returns null when <paramref name="visible"/> does
    /// not contain it. The previous assessment is the one it was reopened from (<see cref="Assessment.PreviousAssessmentId"/>)
    /// or else the municipality's latest approved (or archived after approval) assessment created before it, on the
    /// same framework; it is scored as of its approval date, so that its freshness is what it was then.
    /// </summary>
    public async Task<AssessmentScore?> ScoreAsync(IQueryable<Assessment> visible, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var head = await HeadAsync(visible, id, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = await ScoreHeadAsync(visible, head, today, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, head.CatalogVersionId, cancellationToken);
        var info = await InfoAsync(head, current, cancellationToken);

        var previousId = head.PreviousAssessmentId ?? await LatestApprovedBeforeAsync(visible, head, cancellationToken);
        var previousHead = previousId is { } prevId ? await HeadAsync(visible, prevId, cancellationToken) : null;
        if (previousHead is null || previousHead.Framework != head.Framework)
        {
            return new AssessmentScore(info, current.Report, catalogFacts, null, null, null);
        }

        var previous = await ScoreHeadAsync(visible, previousHead, null, cancellationToken);
        var previousInfo = await InfoAsync(previousHead, previous, cancellationToken);
        return new AssessmentScore(info, current.Report, catalogFacts, previousInfo, previous.Report, ScoreComparison.Compare(previous.Report, current.Report));
    }

    /// <summary>Scores as of <paramref name="today"/>, or — for a previous assessment (null) — as of its approval date.</summary>
    private async Task<CachedScore> ScoreHeadAsync(IQueryable<Assessment> visible, Head head, DateOnly? today, CancellationToken cancellationToken)
    {
        var asPrevious = today is null;
        var key = new ScoreKey(head.Stamp, head.Answers, head.Revision, today);
        var latest = cache.Latest(head.Id, asPrevious);
        if (latest is { } hit && hit.Key == key)
        {
            return hit.Score;
        }

        if (latest is { } old && old.Key.Stamp == key.Stamp && old.Key.Date == key.Date && old.Key.Revision < key.Revision
            && await UpdateAsync(head, old.Key, old.Score, cancellationToken) is { } updated)
        {
            cache.Set(head.Id, asPrevious, key, updated);
            return updated;
        }

        // The aggregate only for its scope; the answers as a column projection (materialising tens of thousands of
        // Answer entities costs far more than scoring them).
        IQueryable<Assessment> query = visible.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications);
        if (asPrevious)
        {
            query = query.Include(a => a.Transitions);
        }

        var assessment = await query.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == head.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Assessment {head.Id} vanished while being scored.");
        var date = today ?? ApprovedOn(assessment);
        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == head.Id)
            .Select(a => new AnswerFacts(
                a.RequirementId, a.TargetObjectId, a.Status, a.EntbehrlichReason, a.Justification, a.ImplementationDescription,
                a.Owner, a.DueDate, a.CostEstimate, a.AssessedOn))
            .ToListAsync(cancellationToken);
        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, answers, context, catalogFacts.Facts, date));
        var score = new CachedScore(report, assessment.Title, assessment.State, assessment.Approach, date, PairIndex.Create(report.Input.Pairs, answers));
        cache.Set(head.Id, asPrevious, key, score);
        return score;
    }

    /// <summary>
    /// The cached score brought up to date with the answers saved after <paramref name="oldKey"/>'s revision, or null
    /// when that is not possible (see <see cref="PairIndex.Apply"/>). A save that commits between the head query and
    /// this one is applied too and applied again next time, which is harmless: applying an answer sets the values.
    /// </summary>
    private async Task<CachedScore?> UpdateAsync(Head head, ScoreKey oldKey, CachedScore old, CancellationToken cancellationToken)
    {
        var changed = await db.Answers.AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == head.Id && EF.Property<long>(a, GrundschutzDbContext.AnswerRevision) > oldKey.Revision)
            .Select(a => new AnswerFacts(
                a.RequirementId, a.TargetObjectId, a.Status, a.EntbehrlichReason, a.Justification, a.ImplementationDescription,
                a.Owner, a.DueDate, a.CostEstimate, a.AssessedOn))
            .ToListAsync(cancellationToken);
        if (old.Pairs.Apply(old.Report.Input, changed, head.Answers) is not { } applied)
        {
            return null;
        }

        return old with { Report = AssessmentScorer.Score(applied.Input), Pairs = applied.Index };
    }

    private async Task<ScoredAssessmentInfo> InfoAsync(Head head, CachedScore score, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == head.MunicipalityId)
            .Select(m => m.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == head.CatalogVersionId)
            .Select(v => new { v.Title, v.Version, v.Language })
            .FirstOrDefaultAsync(cancellationToken);
        return new ScoredAssessmentInfo(
            head.Id,
            score.Title,
            head.MunicipalityId,
            municipality,
            head.CatalogVersionId,
            version?.Title ?? "",
            version?.Version ?? "",
            head.Framework,
            score.Approach,
            score.State,
            score.ScoredOn)
        {
            TextLanguage = version?.Language ?? CatalogLanguage.German,
        };
    }

    private static Task<Head?> HeadAsync(IQueryable<Assessment> visible, Guid id, CancellationToken cancellationToken) =>
        visible.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new Head(
                a.Id,
                a.MunicipalityId,
                a.CatalogVersionId,
                a.Framework,
                a.PreviousAssessmentId,
                a.CreatedAt,
                EF.Property<Guid>(a, GrundschutzDbContext.ConcurrencyStamp),
                a.Answers.Count,
                EF.Property<long>(a, GrundschutzDbContext.AnswersRevision)))
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<Guid?> LatestApprovedBeforeAsync(IQueryable<Assessment> visible, Head current, CancellationToken cancellationToken)
    {
        // Few rows per municipality; the choice is made in memory because SQLite cannot order by DateTimeOffset.
        var candidates = await visible.AsNoTracking()
            .Where(a => a.MunicipalityId == current.MunicipalityId
                && a.Id != current.Id
                && a.Framework == current.Framework
                && (a.State == AssessmentState.Approved || a.State == AssessmentState.Archived))
            .Select(a => new { a.Id, a.CreatedAt })
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => c.CreatedAt < current.CreatedAt)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefault();
    }

    /// <summary>The date of the last approval, else of the last transition, else of creation.</summary>
    private static DateOnly ApprovedOn(Assessment assessment)
    {
        var approved = assessment.Transitions.Where(t => t.To == AssessmentState.Approved).Select(t => (DateTimeOffset?)t.At).Max();
        var last = approved ?? assessment.Transitions.Select(t => (DateTimeOffset?)t.At).Max() ?? assessment.CreatedAt;
        return DateOnly.FromDateTime(last.UtcDateTime);
    }

    /// <summary>The few columns that identify an assessment's current content (see <see cref="ScoreKey"/>).</summary>
    private sealed record Head(Guid Id, int MunicipalityId, int CatalogVersionId, CatalogFramework Framework, Guid? PreviousAssessmentId, DateTimeOffset CreatedAt, Guid Stamp, int Answers, long Revision);
}
