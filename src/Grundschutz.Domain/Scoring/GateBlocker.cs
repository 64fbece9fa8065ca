using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Scoring;

/// <summary>One pair that keeps a gate from being reached, with all its reasons.</summary>
/// <param name="Pair">The pair.</param>
/// <param name="Reasons">Why it blocks.</param>
/// <param name="BlockingDependencyId">For <see cref="GateBlockReason.DependencyNotFulfilled"/>: the dependency that is not umgesetzt.</param>
/// <param name="FreshnessMonths">The freshness window, for the text.</param>
public readonly record struct GateBlocker(ScoredPair Pair, GateBlockReason Reasons, string? BlockingDependencyId, int FreshnessMonths)
{
    /// <summary>German text, e.g. „SYS.2.1.A3 × Server Rathaus: nicht umgesetzt“ (reasons in flag order, joined by „; “).</summary>
    public string Text => $"{Pair.Label}: {ReasonsMessage}";

    /// <summary>The reasons part of <see cref="Text"/> as a translatable message, e.g. „nicht umgesetzt; älter als 12 Monate“.</summary>
    public MessageText ReasonsMessage => ScoringTexts.BlockReasonsMessage(Reasons, BlockingDependencyId, FreshnessMonths);
}
