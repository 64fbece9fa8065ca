using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>
/// Every number of one assessment as of <see cref="ReferenceDate"/>, the same the report page shows
/// (docs/scoring.md): Umsetzungsgrad strict and lenient per slice, coverage, freshness, both gates with their
/// blockers, the Reifegrad profile, per layer/practice and per module/topic, and the action plan in numbers.
/// </summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="Title">Its title.</param>
/// <param name="Municipality">The municipality's name.</param>
/// <param name="Framework">ItGrundschutz or GrundschutzPlusPlus.</param>
/// <param name="Approach">Basis, Kern, Standard, GsppNormal or GsppErhoeht.</param>
/// <param name="State">Workflow state.</param>
/// <param name="ReferenceDate">The date the numbers refer to (ISO 8601).</param>
/// <param name="Overall">The whole assessment (Informationsverbund).</param>
/// <param name="Layers">Per Kompendium layer / Grundschutz++ practice.</param>
/// <param name="Modules">Per Kompendium module (Baustein) / Grundschutz++ topic.</param>
/// <param name="BasisGate">„Basis-Absicherung erreicht“.</param>
/// <param name="StandardGate">„Standard-Absicherung erreicht“.</param>
/// <param name="Maturity">Reifegrad profile and overall level.</param>
/// <param name="ActionPlan">Realisierungsplan totals.</param>
public sealed record ScoreDto(
    Guid AssessmentId,
    string Title,
    string Municipality,
    string Framework,
    string Approach,
    string State,
    DateOnly ReferenceDate,
    ScopeScoreDto Overall,
    IReadOnlyList<ScopeScoreDto> Layers,
    IReadOnlyList<ScopeScoreDto> Modules,
    GateDto BasisGate,
    GateDto StandardGate,
    MaturityDto Maturity,
    ActionPlanSummaryDto ActionPlan)
{
    public static ScoreDto From(AssessmentScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var report = score.Report;
        var catalog = score.Catalog;
        var info = score.Assessment;
        return new ScoreDto(
            info.Id,
            info.Title,
            info.MunicipalityName,
            info.Framework.ToString(),
            info.Approach.ToString(),
            info.State.ToString(),
            report.Today,
            ScopeScoreDto.From(report.Overall, null),
            [.. report.TopGroups.Select(s => ScopeScoreDto.From(s, catalog.GroupTitle(s.Id)))],
            [.. report.Groups.Select(s => ScopeScoreDto.From(s, catalog.GroupTitle(s.Id)))],
            GateDto.From(report.BasisGate),
            GateDto.From(report.StandardGate),
            new MaturityDto(
                report.Maturity.Overall,
                report.Maturity.Median,
                report.Maturity.Limiting,
                [.. report.Maturity.Practices.Select(p => PracticeMaturityDto.From(p, catalog.GroupTitle(p.PracticeId)))]),
            ActionPlanSummaryDto.From(report.ActionPlan));
    }
}
