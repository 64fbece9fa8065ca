using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// The assessments the signed-in user may see (tenant rules in <see cref="AssessmentAccess"/>): ISB and
/// contributors their municipality's, auditors the submitted ones of their Länder — for an auditor of a large Land
/// that can be thousands, so the list is paged (50 per page) and can be searched by municipality (name with umlauts
/// folded, or leading AGS digits) and filtered by state. Progress is computed for the shown page only.
/// </summary>
[Authorize]
public sealed class IndexModel(GrundschutzDbContext db, CatalogContextCache catalogs) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Municipality name (any part, umlauts folded) or AGS (leading digits).</summary>
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Query { get; set; }

    /// <summary>An <see cref="AssessmentState"/> name, or empty for all.</summary>
    [BindProperty(Name = "zustand", SupportsGet = true)]
    public string? StateFilter { get; set; }

    /// <summary>1-based page.</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>All assessments the user may see.</summary>
    public int Total { get; private set; }

    /// <summary>Assessments matching search and filter.</summary>
    public int Matching { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrEmpty(StateFilter);

    /// <summary>Search and filter are offered once there is more than one page, or while they are in use.</summary>
    public bool ShowFilter => Filtered || Total > PageSize;

    public IReadOnlyList<AssessmentRow> Rows { get; private set; } = [];

    /// <summary>True for an ISB with a municipality: may start a new assessment.</summary>
    public bool CanCreate { get; private set; }

    /// <summary>The user reviews assessments of one or more Länder (the empty list then says what will appear).</summary>
    public bool IsAuditor { get; private set; }

    /// <summary>For an ISB with a municipality: workshops it was added to, and how many of them still lack consent.</summary>
    public (int Total, int Pending)? WorkshopInvitations { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        CanCreate = user is { IsIsb: true, MunicipalityId: not null };
        IsAuditor = user is { IsAuditor: true, AuditorLands.Count: > 0 };
        if (CanCreate)
        {
            var invitations = await db.Set<Grundschutz.Infrastructure.Persistence.Workshops.WorkshopParticipant>().AsNoTracking()
                .Where(p => p.MunicipalityId == user!.MunicipalityId)
                .Select(p => p.ConsentedAt == null)
                .ToListAsync(cancellationToken);
            WorkshopInvitations = invitations.Count == 0 ? null : (invitations.Count, invitations.Count(pending => pending));
        }

        var visible = AssessmentAccess.Visible(db, user).AsNoTracking();
        Total = await visible.CountAsync(cancellationToken);

        var filtered = visible;
        if (StateFilter is not null && Enum.GetNames<AssessmentState>().Contains(StateFilter, StringComparer.Ordinal))
        {
            var state = Enum.Parse<AssessmentState>(StateFilter);
            filtered = filtered.Where(a => a.State == state);
        }
        else
        {
            StateFilter = null;
        }

        var municipalities = db.Municipalities.AsQueryable();
        foreach (var term in SearchText.Terms(Query))
        {
            municipalities = term.All(char.IsAsciiDigit)
                ? municipalities.Where(m => m.Ags.StartsWith(term) || m.SearchName.Contains(term))
                : municipalities.Where(m => m.SearchName.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var ids = municipalities.Select(m => m.Id);
            filtered = filtered.Where(a => ids.Contains(a.MunicipalityId));
        }

        Matching = Filtered ? await filtered.CountAsync(cancellationToken) : Total;
        PageCount = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);

        // One query for the page's columns, one (split) query for what progress needs: no query per row.
        var rows = await (
                from a in filtered
                join m in db.Municipalities on a.MunicipalityId equals m.Id
                join v in db.CatalogVersions on a.CatalogVersionId equals v.Id
                orderby m.Name, a.CreatedAt descending, a.Id
                select new
                {
                    a.Id,
                    Municipality = m.Name,
                    a.Title,
                    VersionTitle = v.Title,
                    v.Version,
                    v.Language,
                    a.CatalogVersionId,
                    a.Approach,
                    a.State,
                    a.CreatedAt,
                    LastTransition = a.Transitions.Max(t => (DateTimeOffset?)t.At),
                    LastAnswer = a.Answers.Max(x => x.UpdatedAt),
                })
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);

        // Progress needs each shown assessment's scope (small) and which questions are answered: the answers come as
        // key columns only, never as entities.
        var pageIds = rows.Select(r => r.Id).ToList();
        var aggregates = await visible
            .Where(a => pageIds.Contains(a.Id))
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .AsSplitQuery()
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var answered = (await db.Answers.AsNoTracking()
                .Where(x => x.Status != AnswerStatus.Open && pageIds.Contains(EF.Property<Guid>(x, "AssessmentId")))
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
                return new AssessmentRow(r.Id, r.Municipality, r.Title, r.VersionTitle, r.Version, r.Approach, r.State, done, total, lastChange)
                {
                    CatalogLanguage = r.Language,
                };
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
        DateTimeOffset LastChange)
    {
        /// <summary>The language of the catalogue's title (BCP 47), for its <c>lang</c> attribute.</summary>
        public string CatalogLanguage { get; init; } = Domain.Catalog.CatalogLanguage.German;
    }
}
