using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// One Realisierungsplan (A.6) entry: a pair with status teilweise or nein, with the fields of
/// BSI-Standard 200-2 Kap. 9.4 (target object, module, requirement, measure, schedule, budget, owner).
/// </summary>
/// <param name="Rank">1-based priority in the plan.</param>
/// <param name="Pair">The pair with all its data.</param>
/// <param name="IsOverdue">Due date lies before today.</param>
public sealed record ActionPlanItem(int Rank, ScoredPair Pair, bool IsOverdue)
{
    /// <summary>Zielobjekt.</summary>
    public string TargetObjectName => Pair.TargetObjectName;

    /// <summary>Baustein / topic.</summary>
    public string GroupId => Pair.GroupId;

    /// <summary>Anforderung.</summary>
    public string RequirementId => Pair.RequirementId;

    /// <summary>Titel der Anforderung, if known.</summary>
    public string? Title => Pair.Title;

    /// <summary>teilweise or nein.</summary>
    public AnswerStatus Status => Pair.Status;

    /// <summary>Beschreibung der Maßnahme (implementation description, else justification).</summary>
    public string? Measure => Pair.Measure;

    /// <summary>Verantwortliche(r).</summary>
    public string? Owner => Pair.Owner;

    /// <summary>Umsetzung bis.</summary>
    public DateOnly? DueDate => Pair.DueDate;

    /// <summary>Kostenschätzung.</summary>
    public decimal? CostEstimate => Pair.CostEstimate;

    /// <summary>No owner recorded (incomplete A.6 entry).</summary>
    public bool MissingOwner => !Pair.HasOwner;

    /// <summary>No due date recorded (incomplete A.6 entry).</summary>
    public bool MissingDueDate => Pair.DueDate is null;
}
