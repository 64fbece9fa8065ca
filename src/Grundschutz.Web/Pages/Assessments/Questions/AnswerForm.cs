using System.Globalization;
using System.Text.RegularExpressions;

namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>
/// Parsing and formatting of the answer form's text fields. Amounts are German ("1.250,50", as people type them
/// in a German office) whatever the UI language; dates come from &lt;input type="date"&gt; (ISO) or are typed
/// German-style (TT.MM.JJJJ) where a browser has no date picker.
/// </summary>
internal static partial class AnswerForm
{
    /// <summary>The largest amount the database column (precision 14, scale 2) holds.</summary>
    public const decimal MaxCost = 999_999_999_999.99m;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Parses an optional German amount; blank is null. "1.5" is refused (it is not clear whether 1,5 or 15 was meant).</summary>
    public static bool TryParseCost(string? text, out decimal? value)
    {
        value = null;
        var clean = text?.Replace("€", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal)
            .Replace('\u2212', '-');
        if (string.IsNullOrEmpty(clean))
        {
            return true;
        }

        if (!GermanAmount().IsMatch(clean)
            || !decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, German, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>An amount as the form shows it: "1.250,50".</summary>
    public static string? FormatCost(decimal? value) => value?.ToString("N2", German);

    /// <summary>Parses an optional date, ISO (yyyy-MM-dd) or German (d.M.yyyy); blank is null.</summary>
    public static bool TryParseDate(string? text, out DateOnly? value)
    {
        value = null;
        var clean = text?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return true;
        }

        if (DateOnly.TryParseExact(clean, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParseExact(clean, ["d.M.yyyy", "dd.MM.yyyy"], German, DateTimeStyles.None, out iso))
        {
            value = iso;
            return true;
        }

        return false;
    }

    /// <summary>A date as &lt;input type="date"&gt; expects it.</summary>
    public static string? FormatDate(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses an enum from its exact name (the radio values); blank is null, numbers and unknown names fail.</summary>
    public static bool TryParseName<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
        {
            value = Enum.Parse<T>(text);
            return true;
        }

        return false;
    }

    // Optional minus, digits with either no grouping or dots every three digits, up to two decimals after a comma.
    [GeneratedRegex(@"^-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]{1,2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex GermanAmount();
}
