namespace Grundschutz.Domain.Assessments;

/// <summary>Whether a trigger may be fired now, and if not, why (German reasons for the UI).</summary>
/// <param name="Trigger">The trigger checked.</param>
/// <param name="Permitted">True when firing would succeed.</param>
/// <param name="Reasons">Why not (empty when permitted).</param>
public sealed record TriggerCheck(AssessmentTrigger Trigger, bool Permitted, IReadOnlyList<string> Reasons);
