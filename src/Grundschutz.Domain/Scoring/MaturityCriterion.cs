namespace Grundschutz.Domain.Scoring;

/// <summary>One Reifegrad level's criterion for one practice, evaluated, with a German explanation.</summary>
/// <param name="Level">The level 1–5 the criterion belongs to.</param>
/// <param name="Met">True when the criterion holds (the level itself counts only if all lower criteria hold too).</param>
/// <param name="Text">What was checked and with which numbers, e.g. „E_B = 100 % (12 von 12)“.</param>
public sealed record MaturityCriterion(int Level, bool Met, string Text);
