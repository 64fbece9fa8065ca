using Grundschutz.Domain.Assessments;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>What <see cref="AssessmentResultsReader"/> found in an assessment-results document written by this product.</summary>
/// <param name="Title">Assessment title.</param>
/// <param name="Approach">Vorgehensweise.</param>
/// <param name="CatalogTitle">Title of the pinned catalogue.</param>
/// <param name="CatalogVersion">Its version label.</param>
/// <param name="CatalogSha256">SHA-256 of the catalogue file, if given.</param>
/// <param name="AdoptedHRequirements">Adopted H requirements.</param>
/// <param name="Exclusions">Modules not applied, with the reason.</param>
/// <param name="TargetObjects">Target objects with their modules.</param>
/// <param name="Answers">One answer per finding (target object by its OSCAL uuid).</param>
public sealed record ImportedAssessmentResults(
    string Title,
    Approach Approach,
    string CatalogTitle,
    string CatalogVersion,
    string? CatalogSha256,
    IReadOnlyList<string> AdoptedHRequirements,
    IReadOnlyList<(string GroupId, string Reason)> Exclusions,
    IReadOnlyList<ImportedTargetObject> TargetObjects,
    IReadOnlyList<ImportedAnswer> Answers);
