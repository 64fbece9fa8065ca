namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>The parts of a requirement heading.</summary>
/// <param name="SourceId">The id exactly as written, e.g. <c>OPS.2.3A22</c>.</param>
/// <param name="ModuleId">The module part of the id, e.g. <c>OPS.2.3</c>.</param>
/// <param name="Number">The requirement number after "A".</param>
/// <param name="MissingDot">True when the dot before "A" is missing.</param>
/// <param name="Title">The title between id and level (may be "ENTFALLEN").</param>
/// <param name="LevelLetter">B, S or H.</param>
/// <param name="Level">The level.</param>
/// <param name="Roles">The bracketed roles, split.</param>
internal sealed record RequirementHeading(
    string SourceId,
    string ModuleId,
    string Number,
    bool MissingDot,
    string Title,
    string LevelLetter,
    RequirementLevel Level,
    IReadOnlyList<string> Roles);
