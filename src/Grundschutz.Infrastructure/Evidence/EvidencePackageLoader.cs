using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Loads an approved assessment for its evidence package. Tenant isolation stays with the caller: the assessment
/// is looked up only in <c>visible</c> (e.g. <c>AssessmentAccess.Visible</c>). The answers' history is not loaded:
/// <see cref="EvidencePackageWriter"/> streams it from the database into the trail and checks the hash chains on the
/// way, so memory does not grow with the number of history entries.
/// </summary>
public static class EvidencePackageLoader
{
    /// <summary>States whose assessments have an approval record (Freigegeben, and later Archiviert).</summary>
    public static bool HasApproval(AssessmentState state) => state is AssessmentState.Approved or AssessmentState.Archived;

    /// <summary>
    /// The package data, or null when <paramref name="visible"/> does not contain the assessment; throws
    /// <see cref="EvidencePackageException"/> when it is not approved. The answer history is checked while the package
    /// is written (<see cref="EvidencePackageWriter.WriteAsync"/> throws on a break), so write into a temporary file.
    /// </summary>
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
            throw EvidencePackageException.Of(
                "Ein Nachweispaket gibt es nur für genehmigte Bewertungen; diese ist „{0}“.", new Term(AssessmentTexts.StateName(assessment.State)));
        }

        // Scored from the aggregate loaded above (it has the target objects, modelling and answers the export needs).
        var export = await AssessmentExportLoader.FromAssessmentAsync(db, contexts, facts, assessment, now, cancellationToken);
        var policies = (await db.PolicyDocuments.AsNoTracking()
                .Where(p => p.MunicipalityId == assessment.MunicipalityId)
                .ToListAsync(cancellationToken))
            .Where(p => p.WasValidAt(approval.At))
            .OrderBy(p => p.Number, StringComparer.Ordinal)
            .ThenByDescending(p => p.UploadedAt)
            .ToList();

        // The history's users by a query (distinct ids of this assessment's entries), not by loading the entries.
        var historyUserIds = db.Set<AnswerChange>()
            .Where(c => db.Answers.Where(a => EF.Property<Guid>(a, "AssessmentId") == assessment.Id).Select(a => a.Id).Contains(EF.Property<Guid>(c, "AnswerId")))
            .Select(c => c.UserId)
            .Distinct();
        var userIds = assessment.Transitions.Select(t => t.ActorUserId)
            .Concat(assessment.Answers.SelectMany(a => a.Evidence).Select(e => e.UploadedByUserId))
            .Concat(policies.Select(p => p.UploadedByUserId))
            .Append(assessment.CreatedByUserId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) || historyUserIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var freshness = await AuditFreshnessLoader.LoadAsync(db, assessment.Id, assessment.MunicipalityId, today, approval.At, cancellationToken);
        return new EvidencePackageData(assessment, export, policies, names, approval.At, approval.ActorUserId, freshness, now, new AnswerHistoryStream(db, assessment.Id));
    }
}
