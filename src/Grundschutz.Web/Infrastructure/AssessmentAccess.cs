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

    // The questionnaire's statements (every save and every question page run them) as compiled queries: EF Core then
    // neither builds nor parameterises an expression tree nor looks up its query cache on each call. A compiled query
    // is bound to the first model it runs with (EF Core refuses a context with another model): the app builds one
    // model per process – a second, differently configured context type would need queries of its own.

    /// <summary><see cref="LoadHeadAsync"/> for a user who sees the municipality's assessments and answers every module.</summary>
    private static readonly Func<GrundschutzDbContext, int, Guid, CancellationToken, Task<Assessment?>> HeadOfMunicipality =
        EF.CompileAsyncQuery((GrundschutzDbContext db, int municipalityId, Guid id, CancellationToken _) =>
            db.Assessments.Include(a => a.TargetObjects).AsSplitQuery().FirstOrDefault(a => a.MunicipalityId == municipalityId && a.Id == id));

    private static readonly Func<GrundschutzDbContext, Guid, string, Guid, IAsyncEnumerable<ModuleApplication>> ModuleApplicationOf =
        EF.CompileAsyncQuery((GrundschutzDbContext db, Guid assessmentId, string groupId, Guid targetObjectId) =>
            db.Set<ModuleApplication>().AsTracking()
                .Where(m => EF.Property<Guid>(m, "AssessmentId") == assessmentId && m.GroupId == groupId && m.TargetObjectId == targetObjectId));

    private static readonly Func<GrundschutzDbContext, Guid, string, Guid, CancellationToken, Task<Answer?>> AnswerOfPair =
        EF.CompileAsyncQuery((GrundschutzDbContext db, Guid assessmentId, string requirementId, Guid targetObjectId, CancellationToken _) =>
            db.Answers.AsTracking()
                .FirstOrDefault(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId && a.RequirementId == requirementId && a.TargetObjectId == targetObjectId));

    /// <summary>The <c>newest</c> latest history entries of an answer (all of them with <see cref="int.MaxValue"/>).</summary>
    private static readonly Func<GrundschutzDbContext, Guid, int, IAsyncEnumerable<Authored<AnswerChange>>> NewestHistory =
        EF.CompileAsyncQuery((GrundschutzDbContext db, Guid answerId, int newest) =>
            from h in db.Set<AnswerChange>().AsNoTracking().Where(h => EF.Property<Guid>(h, "AnswerId") == answerId).OrderByDescending(h => h.Sequence).Take(newest)
            join u in db.Users on h.UserId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new Authored<AnswerChange>(h, u != null ? u.DisplayName : null, u != null ? u.UserName : null));

    private static readonly Func<GrundschutzDbContext, Guid, CancellationToken, Task<int>> HistoryCount =
        EF.CompileAsyncQuery((GrundschutzDbContext db, Guid answerId, CancellationToken _) =>
            db.Set<AnswerChange>().Count(h => EF.Property<Guid>(h, "AnswerId") == answerId));

    private static readonly Func<GrundschutzDbContext, Guid, IAsyncEnumerable<Authored<EvidenceFile>>> EvidenceOf =
        EF.CompileAsyncQuery((GrundschutzDbContext db, Guid answerId) =>
            from e in db.Set<EvidenceFile>().AsNoTracking().Where(e => EF.Property<Guid>(e, "AnswerId") == answerId)
            join u in db.Users on e.UploadedByUserId equals u.Id into uploaders
            from u in uploaders.DefaultIfEmpty()
            select new Authored<EvidenceFile>(e, u != null ? u.DisplayName : null, u != null ? u.UserName : null));

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

    /// <summary>The id a create form carries, for the new assessment – null (a new one) when it is empty or taken.</summary>
    public static async Task<Guid?> UnusedFormIdAsync(GrundschutzDbContext db, Guid formId, CancellationToken cancellationToken) =>
        formId != Guid.Empty && !await db.Assessments.AnyAsync(a => a.Id == formId, cancellationToken) ? formId : null;

    /// <summary>
    /// The title of the assessment that a create form, sent before, made with the id it carries (<paramref name="formId"/>)
    /// in this municipality – so that the same form sent twice opens that assessment instead of creating a second one;
    /// null when there is none (an id of another municipality's assessment finds nothing).
    /// </summary>
    public static async Task<string?> TitleCreatedByFormAsync(GrundschutzDbContext db, Guid formId, int municipalityId, CancellationToken cancellationToken) =>
        formId == Guid.Empty
            ? null
            : await db.Assessments.AsNoTracking()
                .Where(a => a.Id == formId && a.MunicipalityId == municipalityId)
                .Select(a => a.Title)
                .FirstOrDefaultAsync(cancellationToken);

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
        if (user is { IsIsb: true, MunicipalityId: { } municipalityId })
        {
            return HeadOfMunicipality(db, municipalityId, id, cancellationToken);
        }

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
    public static async Task LoadModuleApplicationAsync(GrundschutzDbContext db, Assessment assessment, string groupId, Guid targetObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        // A tracked query of the set (not Entry(…).Collection(…).Query(), which builds a new expression around the
        // parent's key on every call): the change tracker puts the row into the tracked assessment's collection.
        await foreach (var _ in ModuleApplicationOf(db, assessment.Id, groupId, targetObjectId).WithCancellation(cancellationToken))
        {
        }
    }

    /// <summary>
    /// Loads the answer of one pair, tracked, so that it joins the tracked assessment's answers (after
    /// <see cref="LoadHeadAsync"/>); its history and evidence are not loaded (new history entries are chained from
    /// the head stored on the answer row). Null when the pair has no answer yet.
    /// </summary>
    public static Task<Answer?> LoadAnswerAsync(GrundschutzDbContext db, Guid assessmentId, string requirementId, Guid targetObjectId, CancellationToken cancellationToken) =>
        AnswerOfPair(db, assessmentId, requirementId, targetObjectId, cancellationToken);

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
        var entries = await ReadAuthoredAsync(NewestHistory(db, answerId, newest ?? int.MaxValue), h => h.UserId, names, cancellationToken);
        return (entries, newest is not { } shown || entries.Count < shown ? entries.Count : await HistoryCount(db, answerId, cancellationToken));
    }

    /// <summary>The evidence files of one answer, read-only; their uploaders' display names are added to <paramref name="names"/>.</summary>
    public static async Task<List<EvidenceFile>> LoadEvidenceAsync(GrundschutzDbContext db, Guid answerId, IDictionary<string, string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        return await ReadAuthoredAsync(EvidenceOf(db, answerId), e => e.UploadedByUserId, names, cancellationToken);
    }

    /// <summary>The name shown for a user: the display name, else the user name (a deleted user: the id itself).</summary>
    public static string NameOf(string userId, string? displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? userId : displayName;

    /// <summary>A row with the display name and user name of the user who wrote it (both null when the user is gone).</summary>
    private sealed record Authored<T>(T Item, string? DisplayName, string? UserName);

    private static async Task<List<T>> ReadAuthoredAsync<T>(
        IAsyncEnumerable<Authored<T>> rows, Func<T, string> author, IDictionary<string, string> names, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            AddName(names, author(row.Item), row.DisplayName, row.UserName);
            items.Add(row.Item);
        }

        return items;
    }

    private static void AddName(IDictionary<string, string> names, string userId, string? displayName, string? userName)
    {
        if (displayName is not null || userName is not null)
        {
            names[userId] = NameOf(userId, displayName, userName);
        }
    }
}
