using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Assessments;

/// <summary>The texts of one stored requirement that the question page shows (<see cref="CatalogContextCache.GetRequirementTextAsync"/>).</summary>
/// <param name="Roles">The responsible roles, separated by <c>|</c>.</param>
public sealed record CatalogRequirementText(
    string RequirementId,
    string Title,
    string Statement,
    string? Guidance,
    RequirementLevel? Level,
    string? SecLevel,
    string? ModalVerb,
    int? EffortLevel,
    string Roles,
    string? Documentation);
