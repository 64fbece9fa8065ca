using System.Globalization;
using System.Text;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Benchmarks;

/// <summary>
/// The auditor dashboard: the municipalities of one of the auditor's Länder compared on one baseline (catalogue
/// version + approach, always named in the heading), filtered by Kreis, size class, type and round, from the KPI
/// snapshots. Only auditors may open it (403 for everyone else), and only for the Länder they audit (404 for another
/// Land), so named rows never reach anyone else. Aggregates, charts and the Excel export are withheld for a peer
/// group below k (<c>Benchmarking:MinGroupSize</c>). Charts are separate image responses (no inline SVG: the style
/// policy stays strict); every chart has alt text and a table.
/// </summary>
[Authorize]
public sealed class IndexModel(BenchmarkDashboardService dashboards, BenchmarkCharts charts, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Chart texts in the reader's language (the workbook keeps German, like the rest of it).</summary>
    private ChartText Text => (german, args) => t[german, args].Value;

    [BindProperty(SupportsGet = true, Name = "land")]
    public string? Land { get; set; }

    [BindProperty(SupportsGet = true, Name = "basis")]
    public string? Baseline { get; set; }

    [BindProperty(SupportsGet = true, Name = "kreis")]
    public string? Kreis { get; set; }

    [BindProperty(SupportsGet = true, Name = "groesse")]
    public SizeClass? Size { get; set; }

    [BindProperty(SupportsGet = true, Name = "typ")]
    public MunicipalityType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "jahr")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "grundlage")]
    public string? Basis { get; set; }

    /// <summary>The Länder the auditor may choose.</summary>
    public IReadOnlyList<Land> Lands { get; private set; } = [];

    /// <summary>The Land shown.</summary>
    public Land SelectedLand { get; private set; } = null!;

    /// <summary>The dashboard, or null when nothing in the Land has been submitted yet.</summary>
    public BenchmarkDashboard? Dashboard { get; private set; }

    /// <summary>
    /// The Land asked for by a changed or forged <c>?land=</c> that the auditor does not audit (its name, or the code as
    /// sent); null otherwise. The page then answers 404 with a message naming it and the auditor's own Länder.
    /// </summary>
    public string? RefusedLand { get; private set; }

    /// <summary>
    /// True when <c>?basis=</c> named a baseline this Land does not have (an old bookmark, a link from another Land):
    /// the dashboard falls back to the default baseline and says so instead of switching silently.
    /// </summary>
    public bool BaselineReplaced => Dashboard is { } d && !string.IsNullOrEmpty(Baseline) && !string.Equals(Baseline, d.Baseline.Key, StringComparison.Ordinal);

    /// <summary>True when a filter narrows the group (Kreis, size class, type or year): the page offers to reset it.</summary>
    public bool IsNarrowed => Dashboard is { Filter: var f } && (f.Kreis is not null || f.SizeClass is not null || f.Type is not null || f.Year is not null);

    /// <summary>This Land and baseline with no narrowing filter (the whole Land).</summary>
    public string ResetLink => "/Benchmarks?land=" + Uri.EscapeDataString(SelectedLand.Code)
        + (Dashboard is { } d ? "&basis=" + Uri.EscapeDataString(d.Baseline.Key) : "")
        + (Dashboard is { Filter.IncludeSubmitted: true } ? "&grundlage=eingereicht" : "");

    /// <summary>Charts (empty when suppressed).</summary>
    public IReadOnlyList<BenchmarkChart> Charts { get; private set; } = [];

    /// <summary>Types offered in the filter (the GV100AD Gemeinde types).</summary>
    public static IReadOnlyList<MunicipalityType> Types { get; } =
        [MunicipalityType.Gemeinde, MunicipalityType.Stadt, MunicipalityType.KreisfreieStadt, MunicipalityType.Stadtkreis, MunicipalityType.GrosseKreisstadt, MunicipalityType.Markt];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (RefusedLand is not null)
        {
            return Refused();
        }

        Charts = Dashboard is null ? [] : BenchmarkCharts.All(Dashboard, Text);
        return Page();
    }

    /// <summary>One chart as SVG (default) or PNG.</summary>
    public async Task<IActionResult> OnGetChartAsync(string? name, string? format, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (RefusedLand is not null || Dashboard is null || BenchmarkCharts.Find(Dashboard, name ?? "", Text) is not { } chart)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        if (string.Equals(format, "png", StringComparison.OrdinalIgnoreCase))
        {
            return charts.RenderPng(chart) is { } png ? File(png, "image/png") : NotFound();
        }

        return charts.RenderSvg(chart) is { } svg ? File(Encoding.UTF8.GetBytes(svg), "image/svg+xml; charset=utf-8") : NotFound();
    }

    /// <summary>The benchmark workbook; refused (page with a message) for a peer group below k.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (RefusedLand is not null)
        {
            return Refused();
        }

        if (Dashboard is null || !Dashboard.IsShown)
        {
            Charts = [];
            Response.StatusCode = StatusCodes.Status409Conflict;
            var reason = Dashboard switch
            {
                null => t["keine Bewertungen."].Value,
                { GroupSize: 0 } => t["Keine Kommune passt zu den gewählten Filtern."].Value,
                _ => Explain(Dashboard.Suppressed),
            };
            ModelState.AddModelError(string.Empty, t["Der Excel-Export ist gesperrt: {0}", reason].Value);
            return Page();
        }

        var images = BenchmarkCharts.All(Dashboard)
            .Select(c => (Chart: c, Png: charts.RenderPng(c)))
            .Where(c => c.Png is not null)
            .Select(c => (c.Chart, c.Png!))
            .ToList();
        var now = time.GetUtcNow();
        var bytes = BenchmarkWorkbook.Build(Dashboard, SelectedLand.Name, images, now);
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            BenchmarkWorkbook.FileName(Dashboard, SelectedLand.Name, DateOnly.FromDateTime(now.UtcDateTime)));
    }

    /// <summary>The page for another Land's dashboard: 404 with the message and the auditor's own Länder in the filter.</summary>
    private PageResult Refused()
    {
        Dashboard = null;
        Charts = [];
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>Why a value is withheld, in the reader's language (empty when it is not).</summary>
    public string Explain(Suppression? suppression)
    {
        if (suppression is null)
        {
            return "";
        }

        var (format, arguments) = suppression.Text;
        return t[format, arguments].Value;
    }

    /// <summary>URL of this page with the current filter and extra parameters (e.g. a handler).</summary>
    public string Link(string? handler = null, string? name = null, string? format = null, string? grundlage = null)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("handler", handler);
        Add("name", name);
        Add("format", format);
        Add("land", SelectedLand.Code);
        Add("basis", Dashboard?.Baseline.Key ?? Baseline);
        Add("kreis", Kreis);
        Add("groesse", Size is { } size ? ((int)size).ToString(CultureInfo.InvariantCulture) : null);
        Add("typ", Type is { } type ? ((int)type).ToString(CultureInfo.InvariantCulture) : null);
        Add("jahr", Year?.ToString(CultureInfo.InvariantCulture));
        Add("grundlage", grundlage ?? Basis);
        return "/Benchmarks" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        if (user is null || !user.IsAuditor || user.AuditorLands.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Lands = user.AuditorLands
            .Select(code => Grundschutz.Domain.Municipalities.Land.TryFromCode(code, out var land) ? land : null)
            .OfType<Land>()
            .OrderBy(l => l.Code, StringComparer.Ordinal)
            .ToList();
        if (Lands.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var selected = string.IsNullOrEmpty(Land) ? Lands[0] : Lands.FirstOrDefault(l => l.Code == Land);
        if (selected is null)
        {
            // Another Land's dashboard does not exist for this auditor: nothing of it is read. The page says which Land
            // was asked for and offers the auditor's own – a bare „Seite nicht gefunden“ left an auditor who followed
            // a colleague's link (or changed ?land=) without a clue.
            SelectedLand = Lands[0];
            RefusedLand = Grundschutz.Domain.Municipalities.Land.TryFromCode(Land, out var other) ? other.Name
                : Land!.Length > 20 ? Land[..20] + "…" : Land;
            return null;
        }

        SelectedLand = selected;
        int? versionId = null;
        Approach? approach = null;
        if (Baseline is { } key && key.Split('-') is [var v, var a]
            && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedVersion)
            && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedApproach)
            && Enum.IsDefined((Approach)parsedApproach))
        {
            versionId = parsedVersion;
            approach = (Approach)parsedApproach;
        }

        var filter = new BenchmarkFilter(
            selected.Code,
            versionId,
            approach,
            string.IsNullOrWhiteSpace(Kreis) ? null : Kreis,
            Size is { } size && Enum.IsDefined(size) ? size : null,
            Type is { } type && Enum.IsDefined(type) ? type : null,
            Year,
            string.Equals(Basis, "eingereicht", StringComparison.Ordinal));
        Dashboard = await dashboards.LoadAsync(filter, cancellationToken);
        return null;
    }
}
