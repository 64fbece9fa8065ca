using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>The municipalities, 50 per page, searchable by name or AGS and filterable by Land.</summary>
public sealed class IndexModel(GrundschutzDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Name (any part, umlauts folded) or AGS (leading digits).</summary>
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Query { get; set; }

    /// <summary>Two-digit Land code, or empty for all.</summary>
    [BindProperty(Name = "land", SupportsGet = true)]
    public string? LandCode { get; set; }

    /// <summary>1-based page ("page" is taken by Razor Pages routing).</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>All municipalities in the database.</summary>
    public int Total { get; private set; }

    /// <summary>Municipalities matching search and filter.</summary>
    public int Matching { get; private set; }

    /// <summary>Municipalities per Land code (all, regardless of the search).</summary>
    public IReadOnlyDictionary<string, int> CountsByLand { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<MunicipalityRow> Rows { get; private set; } = [];

    /// <summary>For the attribution.</summary>
    public string Gebietsstand { get; private set; } = Gv100AdAttribution.DefaultGebietsstand;

    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrEmpty(LandCode);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CountsByLand = await db.Municipalities.AsNoTracking()
            .GroupBy(m => m.LandCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken);
        Total = CountsByLand.Values.Sum();

        var query = db.Municipalities.AsNoTracking();
        if (Land.TryFromCode(LandCode, out var land))
        {
            query = query.Where(m => m.LandCode == land.Code);
        }
        else
        {
            LandCode = null;
        }

        foreach (var term in SearchText.Terms(Query))
        {
            query = term.All(char.IsAsciiDigit)
                ? query.Where(m => m.Ags.StartsWith(term) || m.SearchName.Contains(term))
                : query.Where(m => m.SearchName.Contains(term));
        }

        Matching = Filtered ? await query.CountAsync(cancellationToken) : Total;
        PageCount = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query
            .OrderBy(m => m.SearchName).ThenBy(m => m.Ags)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(m => new MunicipalityRow(m.Id, m.Ags, m.Name, m.LandName, m.KreisName, m.Population, m.Type, m.Source))
            .ToListAsync(cancellationToken);
        Gebietsstand = await Gv100AdAttribution.GebietsstandAsync(db, cancellationToken);
    }

    public sealed record MunicipalityRow(int Id, string Ags, string Name, string LandName, string? KreisName, int? Population, MunicipalityType Type, string Source);
}
