using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Which approaches fit which catalogue framework, and which requirements an approach asks for
/// (BSI-Standard 200-2 Kap. 3.3 / BSI course 6.1 for the Kompendium; sec_level for Grundschutz++).
/// </summary>
public static class ApproachRules
{
    /// <summary>The Grundschutz++ <c>sec_level</c> value of the standard security level.</summary>
    public const string SecLevelNormal = "normal-SdT";

    /// <summary>The Grundschutz++ <c>sec_level</c> value of the raised security level.</summary>
    public const string SecLevelErhoeht = "erhöht";

    /// <summary>The approaches that can be used with a catalogue of <paramref name="framework"/>.</summary>
    public static IReadOnlyList<Approach> ApproachesFor(CatalogFramework framework) => framework switch
    {
        CatalogFramework.ItGrundschutz => [Approach.Basis, Approach.Kern, Approach.Standard],
        CatalogFramework.GrundschutzPlusPlus => [Approach.GsppNormal, Approach.GsppErhoeht],
        _ => [],
    };

    /// <summary>True when <paramref name="approach"/> can be used with a catalogue of <paramref name="framework"/>.</summary>
    public static bool Fits(Approach approach, CatalogFramework framework) => ApproachesFor(framework).Contains(approach);

    /// <summary>
    /// True when the requirement must be answered under the approach:
    /// Basis → level B; Kern/Standard → B and S, H only if adopted; GsppNormal → sec_level
    /// normal-SdT (a missing sec_level counts as normal-SdT); GsppErhoeht → all; withdrawn
    /// requirements and requirements of a framework the approach does not fit → never.
    /// </summary>
    /// <param name="requirement">The catalogue facts.</param>
    /// <param name="approach">The assessment's approach.</param>
    /// <param name="adoptedHRequirementIds">Ids of H requirements adopted (e.g. through risk analysis).</param>
    public static bool IsApplicable(AssessedRequirement requirement, Approach approach, IReadOnlyCollection<string> adoptedHRequirementIds)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(adoptedHRequirementIds);
        if (requirement.Withdrawn || !Fits(approach, requirement.Framework))
        {
            return false;
        }

        return approach switch
        {
            Approach.Basis => requirement.Level == RequirementLevel.Basis,
            Approach.Kern or Approach.Standard => requirement.Level switch
            {
                RequirementLevel.Basis or RequirementLevel.Standard => true,
                RequirementLevel.Hoch => adoptedHRequirementIds.Contains(requirement.RequirementId),
                _ => false,
            },
            Approach.GsppNormal => !IsErhoeht(requirement.SecLevel),
            Approach.GsppErhoeht => true,
            _ => false,
        };
    }

    /// <summary>True for the sec_level value erhöht (also accepts the spelling "erhoeht").</summary>
    public static bool IsErhoeht(string? secLevel)
    {
        var value = secLevel?.Trim();
        return string.Equals(value, SecLevelErhoeht, StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "erhoeht", StringComparison.OrdinalIgnoreCase);
    }
}
