namespace Grundschutz.Infrastructure.Charts;

/// <summary>
/// A report chart before drawing: what it shows, the numbers, an alt text (German, or the reader's language on the page) that states them and the same
/// numbers as a table. <see cref="ReportCharts"/> draws it as SVG or PNG.
/// </summary>
/// <param name="Name">Stable name used in URLs and file names, e.g. <c>schichten</c>.</param>
/// <param name="Title">German title.</param>
/// <param name="Kind">Bars, horizontal bars or radar.</param>
/// <param name="CategoryAxisLabel">German label of the category axis, e.g. „Schicht“.</param>
/// <param name="ValueAxisLabel">German label of the value axis, e.g. „Umsetzungsgrad in %“.</param>
/// <param name="Maximum">Upper end of the value axis (100 for percent, 5 for Reifegrad).</param>
/// <param name="IsPercent">Values are percentages (labels „75 %“) rather than levels.</param>
/// <param name="Categories">Category labels (ids such as ISMS or SYS.2.1).</param>
/// <param name="Series">The series.</param>
/// <param name="AltText">German sentence with every number of the chart.</param>
/// <param name="Table">The numbers as a table.</param>
/// <param name="MissingValueLabel">The bar label of a missing value (percent: „n. a.“, Reifegrad: „n. b.“), in the chart's language.</param>
public sealed record ChartData(
    string Name,
    string Title,
    ChartKind Kind,
    string CategoryAxisLabel,
    string ValueAxisLabel,
    double Maximum,
    bool IsPercent,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string AltText,
    ChartTable Table,
    string? MissingValueLabel = null)
{
    /// <summary>True when there is nothing to draw.</summary>
    public bool IsEmpty => Categories.Count == 0;
}
