using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// Everything a report on one assessment shows: the scored numbers, the catalogue titles to label them with, and —
/// when there is one — the previous assessment with the comparison.
/// </summary>
/// <param name="Assessment">Header facts of the assessment.</param>
/// <param name="Report">The numbers (strict and lenient Umsetzungsgrad, gates, Reifegrad, action plan, …).</param>
/// <param name="Catalog">Titles of requirements, modules and layers of the pinned catalogue.</param>
/// <param name="Previous">The previous assessment, or null.</param>
/// <param name="PreviousReport">The previous assessment's numbers, or null.</param>
/// <param name="Comparison">Previous → current, or null.</param>
public sealed record AssessmentScore(
    ScoredAssessmentInfo Assessment,
    ScoreReport Report,
    CatalogFacts Catalog,
    ScoredAssessmentInfo? Previous,
    ScoreReport? PreviousReport,
    ScoreComparison? Comparison);
