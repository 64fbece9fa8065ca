namespace Grundschutz.Domain.Catalog;

/// <summary>The differences between two versions of one catalogue, keyed on the requirement id.</summary>
/// <param name="Added">Requirements only in the newer version, in its order.</param>
/// <param name="Removed">Requirements only in the older version, in its order.</param>
/// <param name="Changed">Requirements in both versions whose compared fields differ, in the newer version's order.</param>
/// <param name="UnchangedCount">How many requirements are in both versions without a difference.</param>
public sealed record CatalogDiffResult(
    IReadOnlyList<Requirement> Added,
    IReadOnlyList<Requirement> Removed,
    IReadOnlyList<CatalogDiffChange> Changed,
    int UnchangedCount)
{
    /// <summary>True when nothing was added, removed or changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
