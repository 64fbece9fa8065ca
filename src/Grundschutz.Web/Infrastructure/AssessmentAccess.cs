using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Tenant isolation in one place. Every page that touches an assessment starts from <see cref="Visible"/>, so a
/// forged id of another municipality simply finds nothing (404):
/// ISB and Contributor see their own municipality's assessments; an Auditor sees assessments of municipalities in
/// the Länder they are scoped to once submitted (Submitted, InReview, Returned, Approved, Archived); Administrators
/// and Facilitators see no assessment contents here.
/// </summary>
public static class AssessmentAccess
{
    private static readonly AssessmentState[] AuditorStates =
        [AssessmentState.Submitted, AssessmentState.InReview, AssessmentState.Returned, AssessmentState.Approved, AssessmentState.Archived];

    public static IQueryable<Assessment> Visible(GrundschutzDbContext db, CurrentUser? user)
    {
        if (user is null)
        {
            return db.Assessments.Where(_ => false);
        }

        if ((user.IsIsb || user.IsContributor) && user.MunicipalityId is { } municipalityId)
        {
            return db.Assessments.Where(a => a.MunicipalityId == municipalityId);
        }

        if (user.IsAuditor && user.AuditorLands.Count > 0)
        {
            var lands = user.AuditorLands.ToList();
            var municipalities = db.Municipalities.Where(m => lands.Contains(m.LandCode)).Select(m => m.Id);
            return db.Assessments.Where(a => municipalities.Contains(a.MunicipalityId) && AuditorStates.Contains(a.State));
        }

        return db.Assessments.Where(_ => false);
    }

    /// <summary>May the user change scope, answers or start the workflow of assessments of this municipality?</summary>
    public static bool IsOwnMunicipality(CurrentUser user, int municipalityId) =>
        (user.IsIsb || user.IsContributor) && user.MunicipalityId == municipalityId;

    /// <summary>Loads the whole aggregate the user may see, or null (the page answers 404).</summary>
    public static Task<Assessment?> LoadAggregateAsync(GrundschutzDbContext db, CurrentUser? user, Guid id, CancellationToken cancellationToken) =>
        Visible(db, user)
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Transitions)
            .Include(a => a.Answers).ThenInclude(a => a.History)
            .Include(a => a.Answers).ThenInclude(a => a.Evidence)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// The aggregate for recording one answer: scope, workflow and every current answer, but no answer's history or
    /// evidence (new history entries are chained from the head stored on the answer row). The caller loads the history
    /// and evidence of the one answer it shows with <see cref="LoadAnswerDetailsAsync"/>.
    /// </summary>
    public static Task<Assessment?> LoadForAnsweringAsync(GrundschutzDbContext db, CurrentUser? user, Guid id, CancellationToken cancellationToken) =>
        Visible(db, user)
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Transitions)
            .Include(a => a.Answers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Loads history and evidence of one tracked answer (after <see cref="LoadForAnsweringAsync"/>).</summary>
    public static async Task LoadAnswerDetailsAsync(GrundschutzDbContext db, Answer? answer, CancellationToken cancellationToken)
    {
        if (answer is null)
        {
            return;
        }

        var entry = db.Entry(answer);
        await entry.Collection(a => a.History).LoadAsync(cancellationToken);
        await entry.Collection(a => a.Evidence).LoadAsync(cancellationToken);
    }
}
