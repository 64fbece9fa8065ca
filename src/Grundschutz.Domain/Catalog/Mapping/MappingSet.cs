namespace Grundschutz.Domain.Catalog.Mapping;

/// <summary>One <c>mappings[]</c> entry: maps from one source catalogue into one target catalogue.</summary>
/// <param name="Index">Position in the file (0-based).</param>
/// <param name="SourceHref">source-resource.href.</param>
/// <param name="TargetHref">target-resource.href.</param>
/// <param name="TargetTitle">The target catalogue's title, when the file names it (prop <c>catalog_title</c>).</param>
/// <param name="Entries">The maps, in file order.</param>
public sealed record MappingSet(int Index, string SourceHref, string TargetHref, string? TargetTitle, IReadOnlyList<MappingEntry> Entries);
