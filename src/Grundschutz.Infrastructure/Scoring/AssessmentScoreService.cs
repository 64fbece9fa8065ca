using Grundschutz.Domain.Assessments;
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
/// </summary>
public sealed class AssessmentScoreService(GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time)
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
        var assessment = await LoadAsync(visible, id, withTransitions: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (info, report, catalogFacts) = await ScoreLoadedAsync(assessment, today, cancellationToken);

        var previousId = assessment.PreviousAssessmentId ?? await LatestApprovedBeforeAsync(visible, assessment, cancellationToken);
        if (previousId is not { } prevId)
        {
            return new AssessmentScore(info, report, catalogFacts, null, null, null);
        }

        var previous = await LoadAsync(visible, prevId, withTransitions: true, cancellationToken);
        if (previous is null || previous.Framework != assessment.Framework)
        {
            return new AssessmentScore(info, report, catalogFacts, null, null, null);
        }

        var (previousInfo, previousReport, _) = await ScoreLoadedAsync(previous, ScoredOn(previous), cancellationToken);
        return new AssessmentScore(info, report, catalogFacts, previousInfo, previousReport, ScoreComparison.Compare(previousReport, report));
    }

    private async Task<(ScoredAssessmentInfo Info, ScoreReport Report, CatalogFacts Facts)> ScoreLoadedAsync(Assessment assessment, DateOnly today, CancellationToken cancellationToken)
    {
        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == assessment.MunicipalityId)
            .Select(m => m.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == assessment.CatalogVersionId)
            .Select(v => new { v.Title, v.Version })
            .FirstOrDefaultAsync(cancellationToken);
        var input = ScoringInputBuilder.From(assessment, context, catalogFacts.Facts, today);
        var report = AssessmentScorer.Score(input);
        var info = new ScoredAssessmentInfo(
            assessment.Id,
            assessment.Title,
            assessment.MunicipalityId,
            municipality,
            assessment.CatalogVersionId,
            version?.Title ?? "",
            version?.Version ?? "",
            assessment.Framework,
            assessment.Approach,
            assessment.State,
            today);
        return (info, report, catalogFacts);
    }

    private static Task<Assessment?> LoadAsync(IQueryable<Assessment> visible, Guid id, bool withTransitions, CancellationToken cancellationToken)
    {
        IQueryable<Assessment> query = visible.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.Answers);
        return (withTransitions ? query.Include(a => a.Transitions) : query)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    private static async Task<Guid?> LatestApprovedBeforeAsync(IQueryable<Assessment> visible, Assessment current, CancellationToken cancellationToken)
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
    private static DateOnly ScoredOn(Assessment assessment)
    {
        var approved = assessment.Transitions.Where(t => t.To == AssessmentState.Approved).Select(t => (DateTimeOffset?)t.At).Max();
        var last = approved ?? assessment.Transitions.Select(t => (DateTimeOffset?)t.At).Max() ?? assessment.CreatedAt;
        return DateOnly.FromDateTime(last.UtcDateTime);
    }
}
