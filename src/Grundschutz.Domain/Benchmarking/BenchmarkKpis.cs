using Grundschutz.Domain.Scoring;

namespace Grundschutz.Domain.Benchmarking;

/// <summary>
/// The benchmark numbers of one assessment (DOMAIN.md §6.1, "Benchmark KPIs"), taken from its <see cref="ScoreReport"/>
/// so that the dashboard shows exactly what the report shows. Persisted as a snapshot per assessment, so the dashboard
/// aggregates a few hundred rows instead of scoring hundreds of assessments per request.
/// </summary>
/// <param name="Stage">None / Basis / Standard from the two gates.</param>
/// <param name="Basis">Strict E_B: the Basis gate's compliance (Grundschutz++: MUSS).</param>
/// <param name="BasisStandard">Strict E_BS: the Standard gate's compliance (Grundschutz++: normal-SdT).</param>
/// <param name="Maturity">Overall Reifegrad (minimum over the management practices), null when none is assessed.</param>
/// <param name="Freshness">Aktualität: answers assessed within the last 12 months / answered pairs.</param>
/// <param name="OpenActionItems">Realisierungsplan items (teilweise or nein).</param>
/// <param name="OverdueActionItems">Items whose due date has passed.</param>
/// <param name="PriorityGaps">Basis gaps (Basis pairs not ja, open included) per <see cref="PriorityTopic.Key"/>, in <see cref="PriorityTopics.All"/> order.</param>
/// <param name="Layers">Per layer/practice, in report order.</param>
public sealed record BenchmarkKpis(
    BenchmarkStage Stage,
    Ratio Basis,
    Ratio BasisStandard,
    int? Maturity,
    Ratio Freshness,
    int OpenActionItems,
    int OverdueActionItems,
    IReadOnlyList<int> PriorityGaps,
    IReadOnlyList<LayerKpis> Layers)
{
    /// <summary>Sum of <see cref="PriorityGaps"/>.</summary>
    public int PriorityGapsTotal => PriorityGaps.Sum();

    /// <summary>The numbers of <paramref name="report"/>.</summary>
    public static BenchmarkKpis From(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gspp = report.Input.IsGrundschutzPlusPlus;
        var stage = report.StandardGate.Reached && report.BasisGate.Reached
            ? BenchmarkStage.Standard
            : report.BasisGate.Reached ? BenchmarkStage.Basis : BenchmarkStage.None;
        var gaps = PriorityTopics.All
            .Select(topic => topic.Groups(gspp).Sum(group => report.FindGroup(group) is { } scope ? Gaps(BasisSlice(scope, gspp)) : 0))
            .ToList();
        var layers = report.TopGroups
            .Select(scope => new LayerKpis(
                scope.Id,
                BasisSlice(scope, gspp).Strict,
                (gspp ? scope.NormalSdT : scope.BasisStandard).Strict,
                report.Maturity.Find(scope.Id)?.Level))
            .ToList();
        return new BenchmarkKpis(
            stage,
            report.BasisGate.Compliance,
            report.StandardGate.Compliance,
            report.Maturity.Overall,
            report.Overall.Freshness,
            report.Overall.ActionItems,
            report.Overall.OverdueActionItems,
            gaps,
            layers);
    }

    private static SliceScore BasisSlice(ScopeScore scope, bool gspp) => gspp ? scope.Muss : scope.Basis;

    private static int Gaps(SliceScore slice) => slice.Denominator - slice.Ja;
}
