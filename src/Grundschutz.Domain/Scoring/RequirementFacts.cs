namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Catalogue facts the assessment aggregate does not carry, keyed by requirement id or by module
/// id (see <see cref="ScoringInputBuilder.From(Assessments.Assessment, Assessments.CatalogContext, IReadOnlyDictionary{string, RequirementFacts}, DateOnly, ScoringOptions?)"/>); every field is optional.
/// </summary>
/// <param name="Title">Requirement title.</param>
/// <param name="EffortLevel">Grundschutz++ effort_level 0–5.</param>
/// <param name="TopGroupId">Layer or practice; derived from the group id (text before the first dot) when null.</param>
/// <param name="ProcessingOrder">Processing order R1–R3 of the module.</param>
public sealed record RequirementFacts(string? Title = null, int? EffortLevel = null, string? TopGroupId = null, string? ProcessingOrder = null);
