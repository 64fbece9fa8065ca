using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Loads an approved assessment for its evidence package. Tenant isolation stays with the caller: the assessment
/// is looked up only in <c>visible</c> (e.g. <c>AssessmentAccess.Visible</c>).
/// </summary>
public static class EvidencePackageLoader
{
    /// <summary>States whose assessments have an approval record (Freigegeben, and later Archiviert).</summary>
    public static bool HasApproval(AssessmentState state) => state is AssessmentState.Approved or AssessmentState.Archived;

    /// <summary>The package data, or null when <paramref name="visible"/> does not contain the assessment; throws <see cref="EvidencePackageException"/> when it is not approved or its answer history does not verify.</summary>
    public static async Task<EvidencePackageData?> LoadAsync(
        GrundschutzDbContext db,
        CatalogContextCache contexts,
        CatalogFactsCache facts,
        IQueryable<Assessment> visible,
        Guid id,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(visible);
        var assessment = await visible.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.ModuleExclusions)
            .Include(a => a.Transitions)
            .Include(a => a.Answers).ThenInclude(a => a.History)
            .Include(a => a.Answers).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var approval = assessment.Transitions.Where(t => t.To == AssessmentState.Approved).OrderByDescending(t => t.At).FirstOrDefault();
        if (!HasApproval(assessment.State) || approval is null)
        {
            throw new EvidencePackageException(
                $"Ein Nachweispaket gibt es nur für freigegebene Bewertungen; diese ist „{AssessmentTexts.StateName(assessment.State)}“.");
        }

        var breaks = assessment.Answers.Select(a => AnswerChainVerifier.Verify(assessment.Id, a)).OfType<ChainBreak>().ToList();
        if (breaks.Count > 0)
        {
            throw new EvidencePackageException(
                "Der Antwortverlauf in der Datenbank ist nicht mehr unverändert, deshalb wird kein Paket erstellt: " + breaks[0].Describe());
        }

        var export = await AssessmentExportLoader.LoadAsync(db, contexts, facts, visible, id, now, cancellationToken)
            ?? throw new EvidencePackageException("Die Bewertung konnte nicht geladen werden.");
        var policies = (await db.PolicyDocuments.AsNoTracking()
                .Where(p => p.MunicipalityId == assessment.MunicipalityId)
                .ToListAsync(cancellationToken))
            .Where(p => p.WasValidAt(approval.At))
            .OrderBy(p => p.Number, StringComparer.Ordinal)
            .ThenByDescending(p => p.UploadedAt)
            .ToList();

        var userIds = assessment.Transitions.Select(t => t.ActorUserId)
            .Concat(assessment.Answers.SelectMany(a => a.History).Select(h => h.UserId))
            .Concat(assessment.Answers.SelectMany(a => a.Evidence).Select(e => e.UploadedByUserId))
            .Concat(policies.Select(p => p.UploadedByUserId))
            .Append(assessment.CreatedByUserId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var freshness = await AuditFreshnessLoader.LoadAsync(db, assessment.Id, assessment.MunicipalityId, today, approval.At, cancellationToken);
        return new EvidencePackageData(assessment, export, policies, names, approval.At, approval.ActorUserId, freshness, now);
    }
}
