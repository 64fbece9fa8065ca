using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// Builds the auditor dashboard of one Land from the KPI snapshots (missing or stale ones are computed first):
/// the peer group (each municipality's latest approved — or submitted — assessment of one baseline, after the Kreis,
/// size class, type and year filters), the distributions per metric and per layer, percentiles and the trend across
/// rounds, with every aggregate over fewer than k municipalities suppressed (<see cref="AnonymityRule"/>). Access
/// (who may see which Land) is the caller's decision.
/// </summary>
public sealed class BenchmarkDashboardService(GrundschutzDbContext db, KpiSnapshotService snapshots, CatalogFactsCache facts, IOptions<BenchmarkingOptions> options)
{
    private static readonly AssessmentState[] SubmittedStates =
        [AssessmentState.Submitted, AssessmentState.InReview, AssessmentState.Approved, AssessmentState.Archived];

    private static readonly AssessmentState[] ApprovedStates = [AssessmentState.Approved, AssessmentState.Archived];

    /// <summary>The rule with the configured k.</summary>
    public AnonymityRule Rule { get; } = new(options.Value.MinGroupSize);

    /// <summary>The dashboard, or null when no assessment of the Land has been submitted yet (nothing to compare).</summary>
    public async Task<BenchmarkDashboard?> LoadAsync(BenchmarkFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var land = filter.LandCode;
        var inLand = db.Municipalities.Where(m => m.LandCode == land).Select(m => m.Id);
        var baselines = await BaselinesAsync(inLand, cancellationToken);
        if (baselines.Count == 0)
        {
            return null;
        }

        var baseline = baselines.FirstOrDefault(b => b.CatalogVersionId == filter.CatalogVersionId && b.Approach == filter.Approach) ?? baselines[0];
        filter = filter with { CatalogVersionId = baseline.CatalogVersionId, Approach = baseline.Approach };

        var kreise = await db.Municipalities.AsNoTracking()
            .Where(m => m.LandCode == land && m.KreisName != null)
            .Select(m => m.KreisName!)
            .Distinct()
            .ToListAsync(cancellationToken);
        kreise.Sort(StringComparer.CurrentCulture);

        var peers = db.Municipalities.Where(m => m.LandCode == land);
        if (!string.IsNullOrEmpty(filter.Kreis))
        {
            peers = peers.Where(m => m.KreisName == filter.Kreis);
        }

        if (filter.Type is { } type)
        {
            peers = peers.Where(m => m.Type == type);
        }

        if (filter.SizeClass is { } size)
        {
            var (min, max) = SizeClasses.Bounds(size);
            peers = max is { } upper
                ? peers.Where(m => m.Population >= min && m.Population < upper)
                : peers.Where(m => m.Population >= min);
        }

        var states = filter.IncludeSubmitted ? SubmittedStates : ApprovedStates;
        var peerIds = peers.Select(m => m.Id);
        var candidates = db.Assessments.Where(a =>
            peerIds.Contains(a.MunicipalityId)
            && a.CatalogVersionId == baseline.CatalogVersionId
            && a.Approach == baseline.Approach
            && states.Contains(a.State));
        await snapshots.RefreshStaleAsync(candidates, cancellationToken);

        var loaded = await (
                from s in db.KpiSnapshots.AsNoTracking()
                join a in candidates on s.AssessmentId equals a.Id
                join m in db.Municipalities on s.MunicipalityId equals m.Id
                select new { Snapshot = s, m.Ags, m.Name, m.KreisName, m.Population, m.Type, a.Title, a.State, a.CreatedAt })
            .ToListAsync(cancellationToken);
        var all = loaded
            .Select(x => new BenchmarkRow(
                x.Snapshot.MunicipalityId, x.Ags, x.Name, x.KreisName, x.Population, x.Type, x.Snapshot.AssessmentId, x.Title, x.State,
                x.Snapshot.Year, x.CreatedAt, KpiSnapshotService.Read(x.Snapshot), new Dictionary<BenchmarkMetric, decimal?>()))
            .ToList();

        var years = all.Select(r => r.Year).Distinct().Order().ToList();
        var current = Latest(filter.Year is { } year ? all.Where(r => r.Year == year) : all);
        var gspp = baseline.IsGrundschutzPlusPlus;
        var suppressed = Rule.IsSuppressed(current.Count) ? Rule.Suppress(current.Count) : null;

        var metrics = BenchmarkMetrics.All.Select(metric =>
        {
            var values = current.Select(r => BenchmarkMetrics.Value(r.Kpis, metric)).Where(v => v.HasValue).Select(v => v!.Value).ToList();
            var box = Rule.Describe(values);
            return new MetricSummary(metric, BenchmarkMetrics.Title(metric, gspp), BenchmarkMetrics.IsPercent(metric), values.Count, box,
                box is null ? Rule.Suppress(values.Count) : null);
        }).ToList();

        // Each metric's peer values once, sorted: a percentile is then two binary searches per row.
        var peerValues = BenchmarkMetrics.All.ToDictionary(
            metric => metric,
            metric => current.Select(r => BenchmarkMetrics.Value(r.Kpis, metric)).Where(v => v.HasValue).Select(v => v!.Value).Order().ToArray());
        var rows = current
            .Select(r => r with { Percentiles = Percentiles(r, peerValues) })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ThenBy(r => r.Ags, StringComparer.Ordinal)
            .ToList();

        var catalogFacts = await facts.GetAsync(db, baseline.CatalogVersionId, cancellationToken);
        var layerIds = current.SelectMany(r => r.Kpis.Layers.Select(l => l.Id)).Distinct(StringComparer.Ordinal).ToList();
        var layers = layerIds.Select(id =>
        {
            var basis = new List<decimal>();
            var standard = new List<decimal>();
            foreach (var row in current)
            {
                if (row.Kpis.Layers.FirstOrDefault(l => l.Id == id) is { } layer)
                {
                    if (BenchmarkMetrics.Percent(layer.Basis) is { } b)
                    {
                        basis.Add(b);
                    }

                    if (BenchmarkMetrics.Percent(layer.BasisStandard) is { } s)
                    {
                        standard.Add(s);
                    }
                }
            }

            var count = Math.Max(basis.Count, standard.Count);
            var basisBox = Rule.Describe(basis);
            var standardBox = Rule.Describe(standard);
            return new LayerSummary(id, catalogFacts.GroupTitle(id) ?? id, count, basisBox, standardBox,
                basisBox is null || standardBox is null ? Rule.Suppress(Math.Min(basis.Count, standard.Count)) : null);
        }).ToList();

        var trends = BenchmarkMetrics.All.Select(metric => new TrendSeries(
            metric,
            BenchmarkMetrics.Title(metric, gspp),
            years.Select(y =>
            {
                var values = Latest(all.Where(r => r.Year == y)).Select(r => BenchmarkMetrics.Value(r.Kpis, metric)).OfType<decimal>().ToList();
                var box = Rule.Describe(values);
                return new TrendPoint(y, values.Count, box?.Median, box is null ? Rule.Suppress(values.Count) : null);
            }).ToList())).ToList();

        return new BenchmarkDashboard(filter, baseline, baselines, kreise, years, Rule.MinGroupSize, suppressed, rows, metrics, layers, layerIds, trends);
    }

    /// <summary>Each municipality's latest assessment among <paramref name="rows"/>.</summary>
    private static List<BenchmarkRow> Latest(IEnumerable<BenchmarkRow> rows) =>
        rows.GroupBy(r => r.MunicipalityId)
            .Select(g => g.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.AssessmentId).First())
            .ToList();

    private Dictionary<BenchmarkMetric, decimal?> Percentiles(BenchmarkRow row, Dictionary<BenchmarkMetric, decimal[]> sortedPeers)
    {
        var result = new Dictionary<BenchmarkMetric, decimal?>();
        foreach (var (metric, peers) in sortedPeers)
        {
            result[metric] = BenchmarkMetrics.Value(row.Kpis, metric) is { } value && !Rule.IsSuppressed(peers.Length)
                ? Quantiles.PercentileRankSorted(peers, value)
                : null;
        }

        return result;
    }

    private async Task<List<BenchmarkBaseline>> BaselinesAsync(IQueryable<int> inLand, CancellationToken cancellationToken)
    {
        var groups = await db.Assessments.AsNoTracking()
            .Where(a => inLand.Contains(a.MunicipalityId) && SubmittedStates.Contains(a.State))
            .GroupBy(a => new { a.CatalogVersionId, a.Approach })
            .Select(g => new { g.Key.CatalogVersionId, g.Key.Approach, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var versionIds = groups.Select(g => g.CatalogVersionId).Distinct().ToList();
        var versions = await db.CatalogVersions.AsNoTracking()
            .Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Title, v.Version, v.Framework, v.Language })
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        return groups
            .Where(g => versions.ContainsKey(g.CatalogVersionId))
            .Select(g =>
            {
                var v = versions[g.CatalogVersionId];
                return new BenchmarkBaseline(g.CatalogVersionId, v.Title, v.Version, v.Framework, g.Approach, g.Count) { Language = v.Language };
            })
            .OrderByDescending(b => b.Assessments)
            .ThenBy(b => b.CatalogVersionId)
            .ThenBy(b => b.Approach)
            .ToList();
    }
}
