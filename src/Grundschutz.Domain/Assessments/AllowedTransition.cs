namespace Grundschutz.Domain.Assessments;

/// <summary>One edge of the assessment workflow (before guards).</summary>
/// <param name="From">Source state.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="To">Destination state.</param>
public sealed record AllowedTransition(AssessmentState From, AssessmentTrigger Trigger, AssessmentState To);
