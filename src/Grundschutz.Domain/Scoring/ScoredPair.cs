using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// One requirement × target-object pair with everything the scorer needs: catalogue facts and the
/// answer. Plain data, no behaviour beyond derived flags; built by <see cref="ScoringInputBuilder"/>
/// from the aggregate or directly by tests and benchmarks.
/// </summary>
public sealed record ScoredPair
{
    /// <summary>Requirement id, e.g. <c>SYS.2.1.A3</c> or <c>BER.6.1</c>.</summary>
    public required string RequirementId { get; init; }

    /// <summary>Module (Baustein) or Grundschutz++ topic, e.g. <c>SYS.2.1</c> or <c>BER.6</c>.</summary>
    public required string GroupId { get; init; }

    /// <summary>Kompendium layer or Grundschutz++ practice, e.g. <c>SYS</c> or <c>BER</c>.</summary>
    public required string TopGroupId { get; init; }

    /// <summary>Kompendium level B/S/H; null for Grundschutz++.</summary>
    public RequirementLevel? Level { get; init; }

    /// <summary>Grundschutz++ sec_level (<c>normal-SdT</c> or <c>erhöht</c>); null counts as normal-SdT.</summary>
    public string? SecLevel { get; init; }

    /// <summary>Effective modal verb MUSS, SOLLTE or KANN (see <see cref="AssessedRequirement.EffectiveModalVerb"/>).</summary>
    public string? ModalVerb { get; init; }

    /// <summary>Grundschutz++ effort_level 0–5 (ranks quick wins first in the action plan); null when unknown.</summary>
    public int? EffortLevel { get; init; }

    /// <summary>Kompendium processing order of the module: R1, R2 or R3; null when unknown.</summary>
    public string? ProcessingOrder { get; init; }

    /// <summary>Requirement title, for display.</summary>
    public string? Title { get; init; }

    /// <summary>The target object.</summary>
    public required Guid TargetObjectId { get; init; }

    /// <summary>The target object's name, e.g. „Server Rathaus“.</summary>
    public required string TargetObjectName { get; init; }

    /// <summary>The answer status; <see cref="AnswerStatus.Open"/> when unanswered.</summary>
    public AnswerStatus Status { get; init; }

    /// <summary>Reason for entbehrlich, if given.</summary>
    public EntbehrlichReason? EntbehrlichReason { get; init; }

    /// <summary>Begründung.</summary>
    public string? Justification { get; init; }

    /// <summary>Umsetzungsbeschreibung (for the action plan: the measure).</summary>
    public string? ImplementationDescription { get; init; }

    /// <summary>Verantwortliche(r).</summary>
    public string? Owner { get; init; }

    /// <summary>„Umsetzung bis“.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Kostenschätzung in euros.</summary>
    public decimal? CostEstimate { get; init; }

    /// <summary>Datum der Erhebung.</summary>
    public DateOnly? AssessedOn { get; init; }

    /// <summary>True for ENTFALLEN/withdrawn requirements: excluded from every number.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>Ids linked with <c>rel=required</c> (Grundschutz++ dependencies).</summary>
    public IReadOnlyList<string> RequiredDependencies { get; init; } = [];

    /// <summary>True when a non-blank justification exists.</summary>
    public bool HasJustification => !string.IsNullOrWhiteSpace(Justification);

    /// <summary>True when a non-blank owner exists.</summary>
    public bool HasOwner => !string.IsNullOrWhiteSpace(Owner);

    /// <summary>The measure for the Realisierungsplan: the implementation description, else the justification.</summary>
    public string? Measure => string.IsNullOrWhiteSpace(ImplementationDescription) ? Justification : ImplementationDescription;

    /// <summary>„SYS.2.1.A3 × Server Rathaus“.</summary>
    public string Label => $"{RequirementId} × {TargetObjectName}";
}
