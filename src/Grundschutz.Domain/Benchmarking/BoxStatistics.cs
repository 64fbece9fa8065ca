namespace Grundschutz.Domain.Benchmarking;

/// <summary>
/// Five-number summary of a peer group for a box plot: minimum, quartiles (type 7, see <see cref="Quantiles.Type7"/>),
/// maximum and the number of values it was computed over.
/// </summary>
/// <param name="Count">Number of values (municipalities).</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="LowerQuartile">Q1 (p = 0.25).</param>
/// <param name="Median">Q2 (p = 0.5).</param>
/// <param name="UpperQuartile">Q3 (p = 0.75).</param>
/// <param name="Maximum">Largest value.</param>
public sealed record BoxStatistics(int Count, decimal Minimum, decimal LowerQuartile, decimal Median, decimal UpperQuartile, decimal Maximum)
{
    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static BoxStatistics? Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return new BoxStatistics(
            sorted.Length,
            sorted[0],
            Quantiles.Type7(sorted, 0.25m),
            Quantiles.Type7(sorted, 0.5m),
            Quantiles.Type7(sorted, 0.75m),
            sorted[^1]);
    }
}
