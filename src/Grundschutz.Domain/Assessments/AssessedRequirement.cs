using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The catalogue facts about one requirement that the assessment rules need. Built from a
/// <see cref="Requirement"/> of the pinned catalogue with <see cref="From"/>.
/// </summary>
/// <param name="RequirementId">Requirement id, e.g. <c>SYS.2.1.A1</c> or <c>BER.6.1</c>.</param>
/// <param name="GroupId">Module (Baustein) or Grundschutz++ topic/practice the requirement belongs to.</param>
/// <param name="Level">Kompendium level B/S/H; null for Grundschutz++.</param>
/// <param name="SecLevel">Grundschutz++ <c>sec_level</c> (<c>normal-SdT</c> or <c>erhöht</c>).</param>
/// <param name="ModalVerb">MUSS, SOLLTE or KANN, if known.</param>
/// <param name="Withdrawn">True for ENTFALLEN/withdrawn requirements (never applicable).</param>
/// <param name="RequiredDependencies">Ids linked with <c>rel=required</c> (Grundschutz++ dependencies).</param>
/// <param name="Framework">The framework of the pinned catalogue.</param>
public sealed record AssessedRequirement(
    string RequirementId,
    string GroupId,
    RequirementLevel? Level,
    string? SecLevel,
    string? ModalVerb,
    bool Withdrawn,
    IReadOnlyList<string> RequiredDependencies,
    CatalogFramework Framework)
{
    /// <summary>Extracts the facts from a catalogue requirement.</summary>
    /// <param name="requirement">The requirement as read from the catalogue.</param>
    /// <param name="framework">The framework of the catalogue it comes from.</param>
    public static AssessedRequirement From(Requirement requirement, CatalogFramework framework)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return new AssessedRequirement(
            requirement.Id,
            requirement.GroupId,
            requirement.Level,
            requirement.SecLevel,
            requirement.ModalVerb,
            requirement.Withdrawn,
            requirement.Links.Where(l => l.IsDependency).Select(l => l.TargetId).Distinct(StringComparer.Ordinal).ToList(),
            framework);
    }

    /// <summary>
    /// The modal verb the justification rule works with: the catalogue's modal verb, or for
    /// Kompendium requirements without one MUSS for level B and SOLLTE for S/H.
    /// </summary>
    public string? EffectiveModalVerb => ModalVerb?.Trim().ToUpperInvariant() switch
    {
        { Length: > 0 } verb => verb,
        _ => Level switch
        {
            RequirementLevel.Basis => "MUSS",
            RequirementLevel.Standard or RequirementLevel.Hoch => "SOLLTE",
            _ => null,
        },
    };
}
