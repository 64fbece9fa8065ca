namespace Grundschutz.Domain.Catalog;

/// <summary>A link from one requirement to another in the same catalogue.</summary>
/// <param name="Rel">Relation: <c>required</c> (dependency), <c>related</c>, …</param>
/// <param name="TargetId">The target requirement's id (without the leading '#').</param>
public sealed record RequirementLink(string Rel, string TargetId)
{
    /// <summary>The relation for a dependency: the source is only fulfilled when the target is.</summary>
    public const string Required = "required";

    /// <summary>The relation for a loose cross reference.</summary>
    public const string Related = "related";

    /// <summary>True for <c>rel=required</c>.</summary>
    public bool IsDependency => string.Equals(Rel, Required, StringComparison.Ordinal);
}
