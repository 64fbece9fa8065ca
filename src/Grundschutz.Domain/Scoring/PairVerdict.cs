namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The effective verdict of one pair, parallel to <see cref="ScoringInput.Pairs"/>. Kompendium:
/// fulfilled ⇔ ja. Grundschutz++ (UMS.1.1): fulfilled ⇔ ja and every control reachable through
/// <c>rel=required</c> links is ja on the same target object.
/// </summary>
/// <param name="Fulfilled">True when the pair counts as umgesetzt.</param>
/// <param name="Fresh">True when answered with an assessment date within the freshness window.</param>
/// <param name="BlockingDependencyId">Grundschutz++: for a ja pair that is not fulfilled, the first direct dependency (in link order) that is not umgesetzt.</param>
public readonly record struct PairVerdict(bool Fulfilled, bool Fresh, string? BlockingDependencyId);
