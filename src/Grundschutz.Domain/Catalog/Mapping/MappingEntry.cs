namespace Grundschutz.Domain.Catalog.Mapping;

/// <summary>One source → target pair of a map (a map with several sources or targets becomes several entries).</summary>
/// <param name="SourceId">Source control id as written, e.g. <c>APP.3.6.A1-UA.2</c> (a Teilanforderung).</param>
/// <param name="SourceRequirementId">The requirement it belongs to, e.g. <c>APP.3.6.A1</c> (the <c>-UA.n</c> suffix removed).</param>
/// <param name="TargetId">Target control id, e.g. <c>ARCH.1.1</c>.</param>
/// <param name="Relationship">OSCAL relationship: equivalent-to, equal-to, subset-of, superset-of, intersects-with (or another token).</param>
public sealed record MappingEntry(string SourceId, string SourceRequirementId, string TargetId, string Relationship)
{
    /// <summary>The requirement id of a source id: <c>ORP.2.A3-UA.2</c> → <c>ORP.2.A3</c>.</summary>
    public static string RequirementOf(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        var suffix = sourceId.LastIndexOf("-UA.", StringComparison.Ordinal);
        return suffix > 0 ? sourceId[..suffix] : sourceId;
    }
}
