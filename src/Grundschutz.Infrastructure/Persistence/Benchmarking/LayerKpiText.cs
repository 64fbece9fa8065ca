using System.Globalization;
using System.Text;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Persistence.Benchmarking;

/// <summary>
/// The per-layer numbers of a snapshot as one short, culture-invariant text column:
/// <c>ISMS:2/2:3/4:2;SYS:1/2:2/3:</c> (id, E_B ja/pairs, E_BS ja/pairs, Reifegrad or empty). Layer ids never contain
/// ':' or ';'.
/// </summary>
public static class LayerKpiText
{
    public static string Format(IEnumerable<LayerKpis> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var text = new StringBuilder();
        foreach (var layer in layers)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(CultureInfo.InvariantCulture, $"{layer.Id}:{(int)layer.Basis.Numerator}/{layer.Basis.Denominator}:{(int)layer.BasisStandard.Numerator}/{layer.BasisStandard.Denominator}:{layer.Maturity}");
        }

        return text.ToString();
    }

    public static IReadOnlyList<LayerKpis> Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var result = new List<LayerKpis>();
        foreach (var item in text.Split(';'))
        {
            var parts = item.Split(':');
            if (parts.Length != 4)
            {
                continue;
            }

            result.Add(new LayerKpis(
                parts[0],
                ParseRatio(parts[1]),
                ParseRatio(parts[2]),
                parts[3].Length == 0 ? null : int.Parse(parts[3], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static Ratio ParseRatio(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return new Ratio(
            int.Parse(text.AsSpan(0, slash), CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture));
    }
}
