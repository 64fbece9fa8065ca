using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The result of one gate: reached or not, the Umsetzungsgrad it rests on, and exactly the pairs that
/// block it (in questionnaire order) with German reasons.
/// </summary>
/// <param name="Kind">Which gate.</param>
/// <param name="Title">German name, e.g. „Basis-Absicherung erreicht“.</param>
/// <param name="Reached">True only when there is at least one applicable pair and nothing blocks.</param>
/// <param name="Reason">Why the gate could not be reached as a whole (e.g. „keine anwendbaren Anforderungen“); null otherwise.</param>
/// <param name="Compliance">The strict Umsetzungsgrad over the gate's pairs (E_B or E_BS; Grundschutz++: MUSS or normal-SdT).</param>
/// <param name="Blockers">Every blocking pair, in input order.</param>
/// <param name="AcceptedDeviations">Standard gate: SOLLTE gaps that do not block because they are justified.</param>
public sealed record GateResult(
    GateKind Kind,
    string Title,
    bool Reached,
    string? Reason,
    Ratio Compliance,
    IReadOnlyList<GateBlocker> Blockers,
    IReadOnlyList<ScoredPair> AcceptedDeviations)
{
    /// <summary>German one-line summary, e.g. „Basis-Absicherung erreicht: nein (3 blockierende Paare)“.</summary>
    public string Summary => SummaryMessage.ToString();

    /// <summary><see cref="Summary"/> as a translatable message (the title a term, the counts arguments).</summary>
    public MessageText SummaryMessage =>
        ScoringTexts.GateSummary(Title, Reached, Reason, Blockers.Count, AcceptedDeviations.Count);

    /// <summary><see cref="Reason"/> as a translatable message; null when there is none.</summary>
    public MessageText? ReasonMessage => Reason is null ? null : ScoringTexts.FixedMessage(Reason);
}
