using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>Requirements added, removed and changed between two versions of the same catalogue.</summary>
public sealed class DiffModel(GrundschutzDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public VersionHeader? From { get; private set; }

    public VersionHeader? To { get; private set; }

    /// <summary>Why no comparison is shown (missing choice, different catalogues); null when <see cref="Result"/> is set.</summary>
    public string? Problem { get; private set; }

    public CatalogDiffResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? from, int? to, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            Problem = t["Bitte wählen Sie zwei Versionen desselben Katalogs aus."].Value;
            return Page();
        }

        var ids = new[] { from.Value, to.Value };
        var versions = await db.CatalogVersions.AsNoTracking()
            .Where(v => ids.Contains(v.Id))
            .Select(v => new VersionHeader(v.Id, v.CatalogId, v.Catalog.Title, v.Title, v.Version, v.ImportedAt, v.Language))
            .ToListAsync(cancellationToken);
        From = versions.FirstOrDefault(v => v.Id == from.Value);
        To = versions.FirstOrDefault(v => v.Id == to.Value);
        if (From is null || To is null)
        {
            return NotFound();
        }

        if (From.CatalogId != To.CatalogId)
        {
            Problem = t["Die Versionen gehören zu verschiedenen Katalogen („{0}“ und „{1}“). Verglichen werden können nur Versionen desselben Katalogs.", From.CatalogTitle, To.CatalogTitle].Value;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var before = await LoadAsync(From.Id, cancellationToken);
        var after = From.Id == To.Id ? before : await LoadAsync(To.Id, cancellationToken);
        Result = CatalogDiff.Compare(before, after);
        return Page();
    }

    /// <summary>The compared fields of every requirement, as Domain records for <see cref="CatalogDiff"/>.</summary>
    private Task<List<Requirement>> LoadAsync(int versionId, CancellationToken cancellationToken) =>
        db.Requirements.AsNoTracking()
            .Where(r => r.CatalogVersionId == versionId)
            .OrderBy(r => r.Sequence)
            .Select(r => new Requirement
            {
                Id = r.RequirementId,
                Title = r.Title,
                GroupId = r.GroupId,
                ParentId = r.ParentRequirementId,
                Level = r.Level,
                SecLevel = r.SecLevel,
                EffortLevel = r.EffortLevel,
                ModalVerb = r.ModalVerb,
                Statement = r.Statement,
                Withdrawn = r.Withdrawn,
            })
            .ToListAsync(cancellationToken);

    /// <param name="Language">The language of the version's texts (the two versions may differ).</param>
    public sealed record VersionHeader(int Id, int CatalogId, string CatalogTitle, string Title, string Version, DateTimeOffset ImportedAt, string Language);
}
