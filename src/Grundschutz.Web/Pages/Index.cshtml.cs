using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages;

public sealed class IndexModel(GrundschutzDbContext db) : PageModel
{
    /// <summary>How many of the municipality's assessments the start page lists (the newest first).</summary>
    public const int ListedAssessments = 3;

    public IReadOnlyList<CatalogRow> Catalogs { get; private set; } = [];

    /// <summary>
    /// The newest assessments of the user's municipality (ISB or contributor), or null for everybody else: the start
    /// page then shows no assessment section.
    /// </summary>
    public IReadOnlyList<AssessmentRow>? Assessments { get; private set; }

    /// <summary>The user may create assessments (an ISB with a municipality): the empty state links to the form.</summary>
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Latest version of each catalogue.
        var latestIds = db.CatalogVersions.GroupBy(v => v.CatalogId).Select(g => g.Max(v => v.Id));
        Catalogs = await db.CatalogVersions.AsNoTracking()
            .Where(v => latestIds.Contains(v.Id))
            .OrderBy(v => v.Title)
            .Select(v => new CatalogRow(v.Id, v.Title, v.Version, v.RequirementCount, v.WithdrawnCount, v.Language))
            .ToListAsync(cancellationToken);

        var user = CurrentUser.From(User);
        if (user is { MunicipalityId: not null } && (user.IsIsb || user.IsContributor))
        {
            CanCreate = user.IsIsb;
            Assessments = await AssessmentAccess.Visible(db, user).AsNoTracking()
                .OrderByDescending(a => a.CreatedAt)
                .ThenBy(a => a.Id)
                .Take(ListedAssessments)
                .Select(a => new AssessmentRow(a.Id, a.Title, a.State))
                .ToListAsync(cancellationToken);
        }
    }

    public sealed record CatalogRow(int VersionId, string Title, string Version, int Requirements, int Withdrawn, string Language);

    public sealed record AssessmentRow(Guid Id, string Title, AssessmentState State);
}
