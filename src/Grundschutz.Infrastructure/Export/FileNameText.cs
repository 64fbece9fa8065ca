using System.Text;

namespace Grundschutz.Infrastructure.Export;

/// <summary>Parts of download file names taken from names people gave (a workshop's topic, a Land, a Kreis).</summary>
public static class FileNameText
{
    /// <summary>
    /// „Kreis Düren (Nord)“ → „Kreis-Dueren-Nord“: ASCII letters and digits (umlauts and ß spelled out) joined by single
    /// dashes, at most <paramref name="maxLength"/> characters, so the name survives every browser, mail client and file
    /// system unchanged; dots are dropped („5.000“ → „5000“). Empty when nothing usable is left.
    /// </summary>
    public static string Part(string? text, int maxLength = 60)
    {
        var name = new StringBuilder();
        foreach (var c in text ?? "")
        {
            var part = c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'Ä' => "Ae",
                'Ö' => "Oe",
                'Ü' => "Ue",
                'ß' => "ss",
                '.' => "",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "-",
            };
            if (part == "-" && (name.Length == 0 || name[^1] == '-'))
            {
                continue;
            }

            name.Append(part);
        }

        var slug = name.ToString().Trim('-');
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }
}
