namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>A Grundschutz++ control on one target object that a map reaches, with the outcome of the prefill rule.</summary>
/// <param name="ControlId">The control.</param>
/// <param name="TargetObjectName">The target object (same name as in the source assessment).</param>
/// <param name="Prefilled">True when the draft gets „umgesetzt“ for it.</param>
/// <param name="InScope">False when the control is not applicable under the chosen approach (e.g. erhöht under normal-SdT).</param>
/// <param name="Reason">Why it is (not) prefilled, in German.</param>
/// <param name="Evidence">The source answers and relationships, in source order.</param>
public sealed record MigratedControl(
    string ControlId,
    string TargetObjectName,
    bool Prefilled,
    bool InScope,
    string Reason,
    IReadOnlyList<MigrationEvidence> Evidence);
