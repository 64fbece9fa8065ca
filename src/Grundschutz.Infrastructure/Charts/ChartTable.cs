namespace Grundschutz.Infrastructure.Charts;

/// <summary>The numbers of a chart as a table, shown next to it (the text alternative for every reader).</summary>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">One row per category, cells as display text.</param>
public sealed record ChartTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
