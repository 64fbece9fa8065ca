using System.Globalization;
using System.Linq.Expressions;

using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Catalog;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Grundschutz.Web.Pages.Catalog;

/// <summary>
/// Full-text search with filters over the requirements of one catalogue version (or the newest version of every
/// catalogue). A GET form, so that every result page can be bookmarked and shared. Per request: the version list,
/// one DISTINCT query for the filter values, one COUNT and one paged SELECT with a projection.
/// </summary>
public sealed class SearchModel(GrundschutzDbContext db) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Value of the version filter that selects the newest version of every catalogue.</summary>
    public const string AllLatest = "latest";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>A version id or <see cref="AllLatest"/>; empty means the default version.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public string? VersionFilter { get; set; }

    /// <summary>B, S or H (also Basis, Standard, Hoch).</summary>
    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "secLevel")]
    public string? SecLevel { get; set; }

    /// <summary>0–5; kept as text so that a malformed value is ignored instead of failing binding.</summary>
    [BindProperty(SupportsGet = true, Name = "effort")]
    public string? Effort { get; set; }

    [BindProperty(SupportsGet = true, Name = "modal")]
    public string? ModalVerb { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public string? Tag { get; set; }

    /// <summary>Layer or practice (TopGroupId).</summary>
    [BindProperty(SupportsGet = true, Name = "top")]
    public string? Top { get; set; }

    [BindProperty(SupportsGet = true, Name = "withdrawn")]
    public bool IncludeWithdrawn { get; set; }

    /// <summary>The version option that is selected (a version id as text, or <see cref="AllLatest"/>).</summary>
    public string SelectedVersion { get; private set; } = "";

    public IReadOnlyList<VersionOption> Versions { get; private set; } = [];

    public Facets Options { get; private set; } = Facets.Empty;

    /// <summary>
    /// The language of the filter values taken from the catalogues (group titles, roles, categories, tags) when all
    /// searched versions share one; null when they differ (the values are then not marked).
    /// </summary>
    public string? OptionsLanguage { get; private set; }

    /// <summary>The folded terms that were searched for.</summary>
    public IReadOnlyList<string> Terms { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; }

    public IReadOnlyList<ResultRow> Results { get; private set; } = [];

    /// <param name="page">The page number; bound from the query only, because Razor Pages keeps its own "page" route value.</param>
    /// <param name="cancellationToken">Aborts the queries.</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Versions = await db.CatalogVersions.AsNoTracking()
            .OrderBy(v => v.Catalog.Title)
            .ThenByDescending(v => v.Id)
            .Select(v => new VersionOption(v.Id, v.CatalogId, v.Catalog.Title, v.Version, v.Format, v.Language))
            .ToListAsync(cancellationToken);
        if (Versions.Count == 0)
        {
            return;
        }

        var versionIds = ResolveVersions();
        var languages = Versions.Where(v => versionIds.Contains(v.Id)).Select(v => v.Language).Distinct(StringComparer.Ordinal).ToList();
        OptionsLanguage = languages.Count == 1 ? languages[0] : null;
        Options = await LoadFacetsAsync(versionIds, cancellationToken);

        var query = db.Requirements.AsNoTracking();
        if (versionIds.Count == 1)
        {
            var only = versionIds[0];
            query = query.Where(r => r.CatalogVersionId == only);
        }
        else
        {
            query = query.Where(r => versionIds.Contains(r.CatalogVersionId));
        }

        query = ApplyFilters(query);
        Terms = SearchText.Terms(Query);
        foreach (var term in Terms)
        {
            query = query.Where(r => r.SearchText.Contains(term));
        }

        Total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1, 1, PageCount);
        if (Total == 0)
        {
            return;
        }

        var ordered = Terms.Count == 0
            ? query.OrderBy(r => r.CatalogVersionId).ThenBy(r => r.Sequence)
            : query.OrderBy(TitleHitFirst(Terms)).ThenBy(r => r.CatalogVersionId).ThenBy(r => r.Sequence);
        var rows = await ordered
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new ResultRow(
                r.CatalogVersionId,
                r.RequirementId,
                r.Title,
                r.GroupId,
                db.CatalogGroups.Where(g => g.CatalogVersionId == r.CatalogVersionId && g.GroupId == r.GroupId).Select(g => g.Title).FirstOrDefault(),
                r.Level,
                r.SecLevel,
                r.ModalVerb,
                r.EffortLevel,
                r.Withdrawn,
                r.Statement.Length > SnippetSource ? r.Statement.Substring(0, SnippetSource) : r.Statement))
            .ToListAsync(cancellationToken);
        Results = rows;
    }

    /// <summary>Characters of the statement fetched per result; the snippet is cut from these.</summary>
    private const int SnippetSource = 300;

    /// <summary>The query string of this search with another page number (all filters kept).</summary>
    public string PageUrl(int pageNumber)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(new(name, value.Trim()));
            }
        }

        Add("q", Query);
        Add("version", SelectedVersion);
        Add("level", Level);
        Add("secLevel", SecLevel);
        Add("effort", Effort);
        Add("modal", ModalVerb);
        Add("role", Role);
        Add("category", Category);
        Add("tag", Tag);
        Add("top", Top);
        if (IncludeWithdrawn)
        {
            Add("withdrawn", "true");
        }

        if (pageNumber > 1)
        {
            Add("page", pageNumber.ToString(CultureInfo.InvariantCulture));
        }

        return "/Catalog/Search" + QueryString.Create(values).ToUriComponent();
    }

    /// <summary>True when the version list shows more than one catalogue (the results then name their catalogue).</summary>
    public bool SeveralVersions => SelectedVersion == AllLatest;

    /// <summary>The language of a result's catalogue version.</summary>
    public string LanguageOf(int versionId) =>
        Versions.FirstOrDefault(v => v.Id == versionId)?.Language ?? CatalogLanguage.German;

    public string? VersionLabel(int versionId) =>
        Versions.FirstOrDefault(v => v.Id == versionId) is { } v ? $"{v.CatalogTitle} {v.Version}" : null;

    private List<int> ResolveVersions()
    {
        if (string.Equals(VersionFilter?.Trim(), AllLatest, StringComparison.OrdinalIgnoreCase))
        {
            SelectedVersion = AllLatest;
            return Versions.GroupBy(v => v.CatalogId).Select(g => g.Max(v => v.Id)).Order().ToList();
        }

        if (int.TryParse(VersionFilter, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && Versions.Any(v => v.Id == chosen))
        {
            SelectedVersion = chosen.ToString(CultureInfo.InvariantCulture);
            return [chosen];
        }

        // Default: the newest Kompendium, else the newest version of the first catalogue (by title).
        var fallback = Versions.Where(v => v.Format == CatalogFormat.KompendiumXml).Select(v => (int?)v.Id).Max()
            ?? Versions[0].Id;
        SelectedVersion = fallback.ToString(CultureInfo.InvariantCulture);
        return [fallback];
    }

    private IQueryable<StoredRequirement> ApplyFilters(IQueryable<StoredRequirement> query)
    {
        if (CatalogText.ParseLevel(Level) is { } level)
        {
            query = query.Where(r => r.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(SecLevel))
        {
            var secLevel = SecLevel.Trim();
            query = query.Where(r => r.SecLevel == secLevel);
        }

        if (int.TryParse(Effort, NumberStyles.None, CultureInfo.InvariantCulture, out var effort))
        {
            query = query.Where(r => r.EffortLevel == effort);
        }

        if (!string.IsNullOrWhiteSpace(ModalVerb))
        {
            var modal = ModalVerb.Trim();
            query = query.Where(r => r.ModalVerb == modal);
        }

        if (!string.IsNullOrWhiteSpace(Role))
        {
            var needle = MultiValue.Needle(Role);
            query = query.Where(r => r.Roles.Contains(needle));
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            var needle = MultiValue.Needle(Category);
            query = query.Where(r => r.TargetObjectCategories.Contains(needle));
        }

        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var needle = MultiValue.Needle(Tag);
            query = query.Where(r => r.Tags.Contains(needle));
        }

        if (!string.IsNullOrWhiteSpace(Top))
        {
            var top = Top.Trim();
            query = query.Where(r => r.TopGroupId == top);
        }

        if (!IncludeWithdrawn)
        {
            query = query.Where(r => !r.Withdrawn);
        }

        return query;
    }

    /// <summary>The values the filters offer: only those that occur in the selected version(s).</summary>
    private async Task<Facets> LoadFacetsAsync(List<int> versionIds, CancellationToken ct)
    {
        // One scan for all attribute filters: the distinct combinations are few (hundreds), the rows are not.
        var combinations = await db.Requirements.AsNoTracking()
            .Where(r => versionIds.Contains(r.CatalogVersionId))
            .Select(r => new { r.Level, r.SecLevel, r.EffortLevel, r.ModalVerb, r.Roles, r.TargetObjectCategories, r.Tags })
            .Distinct()
            .ToListAsync(ct);
        var tops = await db.CatalogGroups.AsNoTracking()
            .Where(g => versionIds.Contains(g.CatalogVersionId) && g.ParentGroupId == null)
            .OrderBy(g => g.CatalogVersionId)
            .ThenBy(g => g.Sequence)
            .Select(g => new TopGroupOption(g.GroupId, g.Title))
            .ToListAsync(ct);

        var german = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.IgnoreCase);
        static IReadOnlyList<string> Split(IEnumerable<string> encoded, StringComparer order) =>
            encoded.SelectMany(MultiValue.Decode).Distinct(StringComparer.Ordinal).Order(order).ToList();

        return new Facets(
            combinations.Select(c => c.Level).OfType<RequirementLevel>().Distinct().Order().ToList(),
            combinations.Select(c => c.SecLevel).OfType<string>().Distinct(StringComparer.Ordinal).Order(german).ToList(),
            combinations.Select(c => c.EffortLevel).OfType<int>().Distinct().Order().ToList(),
            combinations.Select(c => c.ModalVerb).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(ModalRank).ThenBy(m => m, german).ToList(),
            Split(combinations.Select(c => c.Roles), german),
            Split(combinations.Select(c => c.TargetObjectCategories), german),
            Split(combinations.Select(c => c.Tags), german),
            tops.DistinctBy(t => t.GroupId).ToList());
    }

    /// <summary>MUSS before SOLLTE before KANN, the order of bindingness.</summary>
    private static int ModalRank(string modal) => modal switch
    {
        "MUSS" => 0,
        "SOLLTE" => 1,
        "KANN" => 2,
        _ => 3,
    };

    /// <summary>0 when every term occurs in the id or title, else 1. Terms stay parameters (captured), not literals.</summary>
    private static Expression<Func<StoredRequirement, int>> TitleHitFirst(IReadOnlyList<string> terms)
    {
        var parameter = Expression.Parameter(typeof(StoredRequirement), "r");
        Expression? all = null;
        foreach (var term in terms)
        {
            Expression<Func<StoredRequirement, bool>> one = r => r.SearchTitle.Contains(term);
            var body = ReplacingExpressionVisitor.Replace(one.Parameters[0], parameter, one.Body);
            all = all is null ? body : Expression.AndAlso(all, body);
        }

        var rank = Expression.Condition(all!, Expression.Constant(0), Expression.Constant(1));
        return Expression.Lambda<Func<StoredRequirement, int>>(rank, parameter);
    }

    public sealed record VersionOption(int Id, int CatalogId, string CatalogTitle, string Version, CatalogFormat Format, string Language);

    public sealed record TopGroupOption(string GroupId, string Title);

    public sealed record Facets(
        IReadOnlyList<RequirementLevel> Levels,
        IReadOnlyList<string> SecLevels,
        IReadOnlyList<int> Efforts,
        IReadOnlyList<string> ModalVerbs,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> Categories,
        IReadOnlyList<string> Tags,
        IReadOnlyList<TopGroupOption> TopGroups)
    {
        public static Facets Empty { get; } = new([], [], [], [], [], [], [], []);
    }

    public sealed record ResultRow(
        int VersionId,
        string RequirementId,
        string Title,
        string GroupId,
        string? GroupTitle,
        RequirementLevel? Level,
        string? SecLevel,
        string? ModalVerb,
        int? EffortLevel,
        bool Withdrawn,
        string StatementStart);
}
