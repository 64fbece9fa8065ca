using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The assessments the signed-in user may see (tenant rules in <see cref="AssessmentAccess"/>): ISB and
/// contributors their municipality's, auditors the submitted ones of their Länder.
/// </summary>
[Authorize]
public sealed class IndexModel(GrundschutzDbContext db, CatalogContextCache catalogs) : PageModel
{
    public IReadOnlyList<AssessmentRow> Rows { get; private set; } = [];

    /// <summary>True for an ISB with a municipality: may start a new assessment.</summary>
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        CanCreate = user is { IsIsb: true, MunicipalityId: not null };
        var visible = AssessmentAccess.Visible(db, user).AsNoTracking();

        // One query for the columns, one (split) query for what progress needs: no query per row.
        var rows = await (
                from a in visible
                join m in db.Municipalities on a.MunicipalityId equals m.Id
                join v in db.CatalogVersions on a.CatalogVersionId equals v.Id
                orderby m.Name, a.CreatedAt descending
                select new
                {
                    a.Id,
                    Municipality = m.Name,
                    a.Title,
                    VersionTitle = v.Title,
                    v.Version,
                    a.CatalogVersionId,
                    a.Approach,
                    a.State,
                    a.CreatedAt,
                    LastTransition = a.Transitions.Max(t => (DateTimeOffset?)t.At),
                    LastAnswer = a.Answers.Max(x => x.UpdatedAt),
                })
            .ToListAsync(cancellationToken);
        // Progress needs each assessment's scope (small) and which questions are answered: the answers come as
        // key columns only, never as entities, so an auditor's list of many municipalities stays cheap.
        var aggregates = await visible.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .AsSplitQuery()
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var visibleIds = visible.Select(a => a.Id);
        var answered = (await db.Answers.AsNoTracking()
                .Where(x => x.Status != AnswerStatus.Open && visibleIds.Contains(EF.Property<Guid>(x, "AssessmentId")))
                .Select(x => new { AssessmentId = EF.Property<Guid>(x, "AssessmentId"), x.RequirementId, x.TargetObjectId })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.AssessmentId, x => (x.RequirementId, x.TargetObjectId));

        var contexts = new Dictionary<int, CatalogContext>();
        foreach (var versionId in rows.Select(r => r.CatalogVersionId).Distinct())
        {
            contexts[versionId] = await catalogs.GetAsync(db, versionId, cancellationToken);
        }

        Rows = rows.Select(r =>
            {
                var (done, total) = aggregates.TryGetValue(r.Id, out var aggregate)
                    ? Progress(aggregate.ApplicableQuestions(contexts[r.CatalogVersionId]), answered[r.Id])
                    : (0, 0);
                var lastChange = new[] { r.CreatedAt, r.LastTransition ?? r.CreatedAt, r.LastAnswer ?? r.CreatedAt }.Max();
                return new AssessmentRow(r.Id, r.Municipality, r.Title, r.VersionTitle, r.Version, r.Approach, r.State, done, total, lastChange);
            })
            .ToList();
    }

    /// <summary>Answered = applicable questions with a status other than open (as the questionnaire counts them).</summary>
    private static (int Answered, int Total) Progress(IReadOnlyList<QuestionKey> questions, IEnumerable<(string RequirementId, Guid TargetObjectId)> answeredKeys)
    {
        var done = answeredKeys.ToHashSet();
        return (questions.Count(q => done.Contains((q.RequirementId, q.TargetObjectId))), questions.Count);
    }

    public sealed record AssessmentRow(
        Guid Id,
        string Municipality,
        string Title,
        string CatalogTitle,
        string CatalogVersion,
        Approach Approach,
        AssessmentState State,
        int Answered,
        int Total,
        DateTimeOffset LastChange);
}
