using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Infrastructure.Persistence.Benchmarking;

/// <summary>
/// The benchmark numbers (<see cref="BenchmarkKpis"/>) of one submitted or approved assessment, computed with the
/// real scorer and kept so that the auditor dashboard aggregates a few hundred small rows instead of scoring every
/// assessment per request. Valid while <see cref="AssessmentStamp"/> equals the assessment's concurrency stamp, which
/// changes with every workflow transition and scope change (answers can only change in editable states, which are
/// left and re-entered through transitions); otherwise it is recomputed on demand.
/// </summary>
public class AssessmentKpiSnapshot
{
    public Guid AssessmentId { get; set; }

    public int MunicipalityId { get; set; }

    public int CatalogVersionId { get; set; }

    public Approach Approach { get; set; }

    /// <summary>Workflow state when computed.</summary>
    public AssessmentState State { get; set; }

    /// <summary>The assessment round: the year the assessment was created.</summary>
    public int Year { get; set; }

    /// <summary>The assessment's concurrency stamp when computed (stale when it differs).</summary>
    public Guid AssessmentStamp { get; set; }

    /// <summary>Reference date of the numbers: the day of the last workflow transition (submission or approval).</summary>
    public DateOnly ScoredOn { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public BenchmarkStage Stage { get; set; }

    public int BasisJa { get; set; }

    public int BasisPairs { get; set; }

    public int BasisStandardJa { get; set; }

    public int BasisStandardPairs { get; set; }

    public int? Maturity { get; set; }

    public int FreshAnswers { get; set; }

    public int AnsweredPairs { get; set; }

    public int OpenActionItems { get; set; }

    public int OverdueActionItems { get; set; }

    /// <summary>Basis gaps per priority topic, in <see cref="PriorityTopics.All"/> order.</summary>
    public int GapsBackup { get; set; }

    public int GapsAdministration { get; set; }

    public int GapsAuthorisation { get; set; }

    public int GapsIncidents { get; set; }

    /// <summary>Per layer/practice, compact text (see <see cref="LayerKpiText"/>).</summary>
    public string Layers { get; set; } = "";
}
