using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Scoring;

/// <summary>The result of <see cref="AssessmentScorer.Score"/>: every number of one assessment on one date.</summary>
public sealed class ScoreReport
{
    private readonly Dictionary<string, ScopeScore> _topGroups;
    private readonly Dictionary<string, ScopeScore> _groups;

    internal ScoreReport(ScoringInput input, IReadOnlyList<PairVerdict> verdicts, ScopeScore overall, IReadOnlyList<ScopeScore> topGroups, IReadOnlyList<ScopeScore> groups, GateResult basisGate, GateResult standardGate, MaturityProfile maturity, ActionPlan actionPlan)
    {
        Input = input;
        Verdicts = verdicts;
        Overall = overall;
        TopGroups = topGroups;
        Groups = groups;
        BasisGate = basisGate;
        StandardGate = standardGate;
        Maturity = maturity;
        ActionPlan = actionPlan;
        _topGroups = topGroups.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _groups = groups.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The input that was scored.</summary>
    public ScoringInput Input { get; }

    /// <summary>Framework of the catalogue.</summary>
    public CatalogFramework Framework => Input.Framework;

    /// <summary>The approach.</summary>
    public Approach Approach => Input.Approach;

    /// <summary>Reference date.</summary>
    public DateOnly Today => Input.Today;

    /// <summary>Per pair verdicts, parallel to <see cref="ScoringInput.Pairs"/>.</summary>
    public IReadOnlyList<PairVerdict> Verdicts { get; }

    /// <summary>The whole assessment.</summary>
    public ScopeScore Overall { get; }

    /// <summary>Per layer/practice, in order of first appearance in the input.</summary>
    public IReadOnlyList<ScopeScore> TopGroups { get; }

    /// <summary>Per module/topic, in order of first appearance in the input.</summary>
    public IReadOnlyList<ScopeScore> Groups { get; }

    /// <summary>„Basis-Absicherung erreicht“.</summary>
    public GateResult BasisGate { get; }

    /// <summary>„Standard-Absicherung erreicht“.</summary>
    public GateResult StandardGate { get; }

    /// <summary>Reifegrad profile.</summary>
    public MaturityProfile Maturity { get; }

    /// <summary>Realisierungsplan.</summary>
    public ActionPlan ActionPlan { get; }

    /// <summary>The layer/practice scope, or null.</summary>
    public ScopeScore? FindTopGroup(string id) => _topGroups.GetValueOrDefault(id);

    /// <summary>The module/topic scope, or null.</summary>
    public ScopeScore? FindGroup(string id) => _groups.GetValueOrDefault(id);
}
