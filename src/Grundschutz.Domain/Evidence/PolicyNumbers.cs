namespace Grundschutz.Domain.Evidence;

/// <summary>The A.0 sub-documents of the BSI reference document list (DOMAIN.md §3.2).</summary>
public static class PolicyNumbers
{
    /// <summary>A.0.1 Leitlinie zur Informationssicherheit (freshness: 2 years, next review).</summary>
    public const string Leitlinie = "A.0.1";

    /// <summary>The standard numbers with their usual titles.</summary>
    public static IReadOnlyList<(string Number, string Title)> Standard { get; } =
    [
        ("A.0.1", "Leitlinie zur Informationssicherheit"),
        ("A.0.2", "Richtlinie zur Risikoanalyse"),
        ("A.0.3", "Richtlinie zur Lenkung von Dokumenten und Aufzeichnungen"),
        ("A.0.4", "Richtlinie zur internen ISMS-Auditierung"),
        ("A.0.5", "Richtlinie zur Lenkung von Korrektur- und Vorbeugungsmaßnahmen"),
    ];

    /// <summary>"A.0.n" with n between 1 and 99 (blanks removed, upper-case A), else null.</summary>
    public static string? Normalize(string? number)
    {
        var text = number?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (text is null || !text.StartsWith("A.0.", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = text[4..];
        return rest.Length is >= 1 and <= 2 && rest.All(char.IsAsciiDigit) && int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture) > 0
            ? "A.0." + int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
