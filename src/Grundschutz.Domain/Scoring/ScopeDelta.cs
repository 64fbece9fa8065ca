namespace Grundschutz.Domain.Scoring;

/// <summary>The KPI deltas of one scope present in either assessment.</summary>
/// <param name="Kind">Scope kind.</param>
/// <param name="Id">Scope id (empty for overall).</param>
/// <param name="Kpis">The KPIs that are defined on at least one side.</param>
public sealed record ScopeDelta(ScopeKind Kind, string Id, IReadOnlyList<KpiDelta> Kpis)
{
    /// <summary>The KPI with <paramref name="key"/>, or null.</summary>
    public KpiDelta? Find(string key) => Kpis.FirstOrDefault(k => k.Key == key);
}
