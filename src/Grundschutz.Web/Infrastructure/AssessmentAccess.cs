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
    /// The assessment for one questionnaire page: the root with its target objects and, for a contributor, their own
    /// module assignments (all <see cref="Assessment.CanAnswer"/> looks at; an ISB may answer every module) – no
    /// module applications (targets × modules rows, the bulk of the scope), exclusions, answers or workflow record.
    /// <see cref="Grundschutz.Infrastructure.Assessments.QuestionnaireCache"/> loads the module applications itself
    /// when it has to build the navigator; a handler that records an answer adds the one application the domain
    /// checks with <see cref="LoadModuleApplicationAsync"/> and the one answer with <see cref="LoadAnswerAsync"/>.
    /// So a save costs nearly the same for 150 and for 70,000 questions.
    /// Only for recording answers and evidence: the scope is partial, so nothing that changes or reads the scope
    /// (scoping pages, scoring, submitting, exports) may use the result.
    /// </summary>
    public static Task<Assessment?> LoadHeadAsync(GrundschutzDbContext db, CurrentUser? user, Guid id, CancellationToken cancellationToken)
    {
        // Split like every other load of the aggregate, so the target objects come in the same order everywhere (the
        // questionnaire's order follows them; a single query would order them by id instead).
        IQueryable<Assessment> query = Visible(db, user).Include(a => a.TargetObjects);
        if (user is { IsIsb: false, IsContributor: true })
        {
            var userId = user.UserId;
            query = query.Include(a => a.ContributorAssignments.Where(c => c.UserId == userId));
        }

        return query.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>
    /// Adds the module application of <paramref name="groupId"/> on <paramref name="targetObjectId"/> (if there is one)
    /// to the tracked <paramref name="assessment"/> loaded with <see cref="LoadHeadAsync"/>: what
    /// <see cref="Assessment.RecordAnswer"/> and <see cref="Assessment.AttachEvidence"/> check.
    /// </summary>
    public static Task LoadModuleApplicationAsync(GrundschutzDbContext db, Assessment assessment, string groupId, Guid targetObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        // A tracked query of the set (not Entry(…).Collection(…).Query(), which builds a new expression around the
        // parent's key on every call): the change tracker puts the row into the tracked assessment's collection.
        var assessmentId = assessment.Id;
        return db.Set<ModuleApplication>().AsTracking()
            .Where(m => EF.Property<Guid>(m, "AssessmentId") == assessmentId && m.GroupId == groupId && m.TargetObjectId == targetObjectId)
            .LoadAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the answer of one pair, tracked, so that it joins the tracked assessment's answers (after
    /// <see cref="LoadHeadAsync"/>); its history and evidence are not loaded (new history entries are chained from
    /// the head stored on the answer row). Null when the pair has no answer yet.
    /// </summary>
    public static Task<Answer?> LoadAnswerAsync(GrundschutzDbContext db, Guid assessmentId, string requirementId, Guid targetObjectId, CancellationToken cancellationToken) =>
        db.Answers.AsTracking()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId && a.RequirementId == requirementId && a.TargetObjectId == targetObjectId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Loads, tracked and with its evidence files, the answer of the assessment that holds an evidence file (after
    /// <see cref="LoadHeadAsync"/>, so that it joins the tracked assessment's answers). Null when no answer of this
    /// assessment holds it.
    /// </summary>
    public static Task<Answer?> LoadAnswerWithEvidenceAsync(GrundschutzDbContext db, Guid assessmentId, Guid evidenceId, CancellationToken cancellationToken) =>
        db.Answers.AsTracking()
            .Include(a => a.Evidence)
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId && a.Evidence.Any(e => e.Id == evidenceId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The history entries of one answer, read-only: all of them, or the <paramref name="newest"/> latest (by their
    /// place in the answer's chain) together with the total count. The display names of their authors are added to
    /// <paramref name="names"/> (user id → name) by the same statement.
    /// </summary>
    public static async Task<(List<AnswerChange> Entries, int Total)> LoadHistoryAsync(
        GrundschutzDbContext db, Guid answerId, int? newest, IDictionary<string, string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var query = db.Set<AnswerChange>().AsNoTracking().Where(h => EF.Property<Guid>(h, "AnswerId") == answerId);
        var chosen = newest is { } limit ? query.OrderByDescending(h => h.Sequence).Take(limit) : query;
        var rows = await (
            from h in chosen
            join u in db.Users on h.UserId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new { Entry = h, DisplayName = u != null ? u.DisplayName : null, UserName = u != null ? u.UserName : null })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            AddName(names, row.Entry.UserId, row.DisplayName, row.UserName);
        }

        var entries = rows.Select(r => r.Entry).ToList();
        return (entries, newest is not { } shown || entries.Count < shown ? entries.Count : await query.CountAsync(cancellationToken));
    }

    /// <summary>The evidence files of one answer, read-only; their uploaders' display names are added to <paramref name="names"/>.</summary>
    public static async Task<List<EvidenceFile>> LoadEvidenceAsync(GrundschutzDbContext db, Guid answerId, IDictionary<string, string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var rows = await (
            from e in db.Set<EvidenceFile>().AsNoTracking().Where(e => EF.Property<Guid>(e, "AnswerId") == answerId)
            join u in db.Users on e.UploadedByUserId equals u.Id into uploaders
            from u in uploaders.DefaultIfEmpty()
            select new { File = e, DisplayName = u != null ? u.DisplayName : null, UserName = u != null ? u.UserName : null })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            AddName(names, row.File.UploadedByUserId, row.DisplayName, row.UserName);
        }

        return rows.Select(r => r.File).ToList();
    }

    /// <summary>The name shown for a user: the display name, else the user name (a deleted user: the id itself).</summary>
    public static string NameOf(string userId, string? displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? userId : displayName;

    private static void AddName(IDictionary<string, string> names, string userId, string? displayName, string? userName)
    {
        if (displayName is not null || userName is not null)
        {
            names[userId] = NameOf(userId, displayName, userName);
        }
    }
}
