using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Scoring;

/// <summary>One Reifegrad level's criterion for one practice, evaluated, with a German explanation.</summary>
/// <param name="Level">The level 1–5 the criterion belongs to.</param>
/// <param name="Met">True when the criterion holds (the level itself counts only if all lower criteria hold too).</param>
/// <param name="TextMessage">What was checked and with which numbers, as a translatable message (figures are arguments).</param>
public sealed record MaturityCriterion(int Level, bool Met, MessageText TextMessage)
{
    /// <summary>The German explanation, e.g. „Stufe 2 (zum Teil etabliert): E_B &gt; 0 % – 3 von 4“.</summary>
    public string Text => TextMessage.ToString();
}
