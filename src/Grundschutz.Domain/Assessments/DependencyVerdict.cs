namespace Grundschutz.Domain.Assessments;

/// <summary>The effective Grundschutz++ verdict of one control.</summary>
/// <param name="ControlId">The control.</param>
/// <param name="OwnStatus">Its own recorded status (null when not assessed).</param>
/// <param name="Umgesetzt">True only if it and all transitive required dependencies are ja.</param>
/// <param name="BlockingControlId">The nearest dependency that is not ja, when that is why it fails.</param>
/// <param name="BlockingPath">The chain from the control to the blocker (both included); empty otherwise.</param>
public sealed record DependencyVerdict(string ControlId, AnswerStatus? OwnStatus, bool Umgesetzt, string? BlockingControlId, IReadOnlyList<string> BlockingPath);
