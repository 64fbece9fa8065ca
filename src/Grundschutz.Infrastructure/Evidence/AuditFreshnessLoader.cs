using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>Collects the facts for <see cref="AuditFreshness"/> from the database.</summary>
public static class AuditFreshnessLoader
{
    /// <summary>
    /// The warnings for assessment <paramref name="assessmentId"/> of <paramref name="municipalityId"/> on
    /// <paramref name="today"/>: its answered pairs (Datum der Erhebung, else the day of the last save) and the
    /// Leitlinie valid at <paramref name="policyMoment"/> (the current one when null).
    /// </summary>
    public static async Task<IReadOnlyList<FreshnessWarning>> LoadAsync(
        GrundschutzDbContext db, Guid assessmentId, int municipalityId, DateOnly today, DateTimeOffset? policyMoment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Only answers that can be stale are read (a fresh Datum der Erhebung cannot raise a warning); answers without
        // a date fall back to the day of their last save and are always read.
        var limit = today.AddMonths(-AuditFreshness.AnswerMonths);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId && a.Status != AnswerStatus.Open)
            .Where(a => a.AssessedOn == null || a.AssessedOn < limit)
            .Select(a => new { a.AssessedOn, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        var dates = answers
            .Select(a => a.AssessedOn ?? (a.UpdatedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : today))
            .ToList();
        var leitlinie = await LeitlinieAsync(db, municipalityId, policyMoment, cancellationToken);
        return AuditFreshness.Evaluate(today, dates, leitlinie is null ? null : new LeitlinieFacts(leitlinie.ApprovedOn, leitlinie.NextReview));
    }

    /// <summary>The A.0.1 version valid at <paramref name="moment"/> (the current one when null).</summary>
    public static async Task<PolicyDocument?> LeitlinieAsync(GrundschutzDbContext db, int municipalityId, DateTimeOffset? moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.PolicyDocuments.AsNoTracking()
            .Where(p => p.MunicipalityId == municipalityId && p.Number == PolicyNumbers.Leitlinie)
            .ToListAsync(cancellationToken);
        return versions
            .Where(p => moment is { } m ? p.WasValidAt(m) : p.IsCurrent)
            .OrderByDescending(p => p.UploadedAt)
            .FirstOrDefault();
    }
}
