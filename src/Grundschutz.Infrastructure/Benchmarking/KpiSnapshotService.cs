using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Benchmarking;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// Keeps the <see cref="AssessmentKpiSnapshot"/>s current: computes a snapshot with the real scorer
/// (<see cref="AssessmentScorer"/> over the stored answers) for every assessment of a candidate set that has none or
/// whose stamp has changed since. The dashboard calls <see cref="RefreshStaleAsync"/> before it aggregates, so
/// snapshots are backfilled on demand; the seeder writes them directly with <see cref="Build"/>.
/// </summary>
public sealed class KpiSnapshotService(GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time)
{
    /// <summary>Recomputes the snapshots of the assessments in <paramref name="candidates"/> that are missing or stale; returns how many.</summary>
    public async Task<int> RefreshStaleAsync(IQueryable<Assessment> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var stale = await candidates
            .Where(a => !db.KpiSnapshots.Any(s => s.AssessmentId == a.Id && s.AssessmentStamp == EF.Property<Guid>(a, GrundschutzDbContext.ConcurrencyStamp)))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in stale)
        {
            await RefreshAsync(id, cancellationToken);
        }

        return stale.Count;
    }

    /// <summary>Computes and stores the snapshot of one assessment (replacing an old one).</summary>
    public async Task RefreshAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.Transitions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null)
        {
            return;
        }

        var stamp = await db.Assessments.Where(a => a.Id == assessmentId)
            .Select(a => EF.Property<Guid>(a, GrundschutzDbContext.ConcurrencyStamp))
            .FirstAsync(cancellationToken);
        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId)
            .Select(a => new AnswerFacts(
                a.RequirementId, a.TargetObjectId, a.Status, a.EntbehrlichReason, a.Justification, a.ImplementationDescription,
                a.Owner, a.DueDate, a.CostEstimate, a.AssessedOn))
            .ToListAsync(cancellationToken);
        var scoredOn = ReferenceDate(assessment);
        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, answers, context, catalogFacts.Facts, scoredOn));
        var snapshot = Build(assessment, stamp, BenchmarkKpis.From(report), scoredOn, time.GetUtcNow());

        var existing = await db.KpiSnapshots.FirstOrDefaultAsync(s => s.AssessmentId == assessmentId, cancellationToken);
        var stored = existing ?? snapshot;
        if (existing is null)
        {
            db.KpiSnapshots.Add(snapshot);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(snapshot);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request (two dashboards opened at once) refreshed the same snapshot between our read and our
            // write: its row is computed from the same or a newer stamp, so ours is not needed. Anything else is an error.
            db.Entry(stored).State = EntityState.Detached;
            if (!await db.KpiSnapshots.AsNoTracking().AnyAsync(s => s.AssessmentId == assessmentId, cancellationToken))
            {
                throw;
            }
        }

        db.Entry(stored).State = EntityState.Detached;
    }

    /// <summary>The day of the last workflow transition (submission, approval), else of creation.</summary>
    public static DateOnly ReferenceDate(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var last = assessment.Transitions.Select(t => (DateTimeOffset?)t.At).Max() ?? assessment.CreatedAt;
        return DateOnly.FromDateTime(last.UtcDateTime);
    }

    /// <summary>The snapshot row of <paramref name="assessment"/> with the numbers <paramref name="kpis"/>.</summary>
    public static AssessmentKpiSnapshot Build(Assessment assessment, Guid stamp, BenchmarkKpis kpis, DateOnly scoredOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(kpis);
        return new AssessmentKpiSnapshot
        {
            AssessmentId = assessment.Id,
            MunicipalityId = assessment.MunicipalityId,
            CatalogVersionId = assessment.CatalogVersionId,
            Approach = assessment.Approach,
            State = assessment.State,
            Year = assessment.CreatedAt.UtcDateTime.Year,
            AssessmentStamp = stamp,
            ScoredOn = scoredOn,
            ComputedAt = now,
            Stage = kpis.Stage,
            BasisJa = (int)kpis.Basis.Numerator,
            BasisPairs = kpis.Basis.Denominator,
            BasisStandardJa = (int)kpis.BasisStandard.Numerator,
            BasisStandardPairs = kpis.BasisStandard.Denominator,
            Maturity = kpis.Maturity,
            FreshAnswers = (int)kpis.Freshness.Numerator,
            AnsweredPairs = kpis.Freshness.Denominator,
            OpenActionItems = kpis.OpenActionItems,
            OverdueActionItems = kpis.OverdueActionItems,
            GapsBackup = kpis.PriorityGaps[0],
            GapsAdministration = kpis.PriorityGaps[1],
            GapsAuthorisation = kpis.PriorityGaps[2],
            GapsIncidents = kpis.PriorityGaps[3],
            Layers = LayerKpiText.Format(kpis.Layers),
        };
    }

    /// <summary>The numbers stored in <paramref name="snapshot"/>.</summary>
    public static BenchmarkKpis Read(AssessmentKpiSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new BenchmarkKpis(
            snapshot.Stage,
            new Ratio(snapshot.BasisJa, snapshot.BasisPairs),
            new Ratio(snapshot.BasisStandardJa, snapshot.BasisStandardPairs),
            snapshot.Maturity,
            new Ratio(snapshot.FreshAnswers, snapshot.AnsweredPairs),
            snapshot.OpenActionItems,
            snapshot.OverdueActionItems,
            [snapshot.GapsBackup, snapshot.GapsAdministration, snapshot.GapsAuthorisation, snapshot.GapsIncidents],
            LayerKpiText.Parse(snapshot.Layers));
    }
}
