using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>
/// The catalogue facts the scorer and the report need beyond <see cref="Domain.Assessments.CatalogContext"/>:
/// per requirement its title, effort level, layer/practice and the module's processing order (R1–R3); per group
/// its title, layer/practice and processing order. Catalogue versions never change once imported, so one instance
/// per version is kept for the life of the process (<see cref="CatalogFactsCache"/>).
/// </summary>
/// <param name="Facts">Extra facts by requirement id and by group id, as <see cref="ScoringInputBuilder.From"/> expects them.</param>
/// <param name="GroupTitles">Titles of layers/practices and modules/topics by group id.</param>
public sealed record CatalogFacts(IReadOnlyDictionary<string, RequirementFacts> Facts, IReadOnlyDictionary<string, string> GroupTitles)
{
    /// <summary>The title of a group, or null when the catalogue does not know it.</summary>
    public string? GroupTitle(string groupId) => GroupTitles.GetValueOrDefault(groupId);
}
