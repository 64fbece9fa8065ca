using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>„Basis-Absicherung erreicht“ or „Standard-Absicherung erreicht“, with exactly the pairs that block it.</summary>
/// <param name="Kind">Basis or Standard.</param>
/// <param name="Title">German name.</param>
/// <param name="Reached">True only when at least one pair applies and nothing blocks.</param>
/// <param name="Reason">Why the gate cannot be reached as a whole (e.g. „keine anwendbaren Anforderungen“), else null.</param>
/// <param name="Summary">German one-line summary as in the report.</param>
/// <param name="Compliance">Strict Umsetzungsgrad over the gate's pairs.</param>
/// <param name="BlockerCount">Number of blocking pairs.</param>
/// <param name="Blockers">Every blocking pair, in questionnaire order.</param>
/// <param name="AcceptedDeviations">Standard gate: justified SOLLTE gaps that do not block.</param>
public sealed record GateDto(
    string Kind,
    string Title,
    bool Reached,
    string? Reason,
    string Summary,
    RatioDto Compliance,
    int BlockerCount,
    IReadOnlyList<GateBlockerDto> Blockers,
    int AcceptedDeviations)
{
    public static GateDto From(GateResult gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new GateDto(
            gate.Kind.ToString(),
            gate.Title,
            gate.Reached,
            gate.Reason,
            gate.Summary,
            RatioDto.From(gate.Compliance),
            gate.Blockers.Count,
            [.. gate.Blockers.Select(GateBlockerDto.From)],
            gate.AcceptedDeviations.Count);
    }
}
