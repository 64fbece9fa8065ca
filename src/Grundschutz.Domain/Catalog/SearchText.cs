using System.Globalization;
using System.Text;

namespace Grundschutz.Domain.Catalog;

/// <summary>
/// Folds German text for search so that "Prüfung", "PRUEFUNG" and "prüfung" match:
/// lower case (invariant), umlauts and ß spelled out (ä→ae, ö→oe, ü→ue, ß→ss), soft hyphens
/// removed, every run of white space (including no-break space) folded to one space.
/// </summary>
public static class SearchText
{
    /// <summary>Returns the folded form of <paramref name="text"/>.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = char.ToLower(raw, CultureInfo.InvariantCulture);
            switch (c)
            {
                case '\u00AD':
                    continue;
                case 'ä':
                    sb.Append("ae");
                    break;
                case 'ö':
                    sb.Append("oe");
                    break;
                case 'ü':
                    sb.Append("ue");
                    break;
                case 'ß':
                case 'ẞ':
                    sb.Append("ss");
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        if (!lastWasSpace)
                        {
                            sb.Append(' ');
                        }

                        lastWasSpace = true;
                        continue;
                    }

                    sb.Append(c);
                    break;
            }

            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Splits a user query into folded terms (all must match).</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .ToArray();
}
