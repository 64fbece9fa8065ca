using System.Text.RegularExpressions;

namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// The conventions of the Kompendium that live in plain text: module and requirement headings,
/// role lists and the upper-case normative keywords. All input is whitespace-normalised text.
/// </summary>
internal static partial class KompendiumHeadings
{
    /// <summary>The fixed text of a withdrawn requirement's title.</summary>
    public const string Withdrawn = "ENTFALLEN";

    /// <summary>Modal verb for MUSS-type keywords (MUSS, MÜSSEN, DARF/DÜRFEN NICHT/NUR/KEIN).</summary>
    public const string Must = "MUSS";

    /// <summary>Modal verb for SOLLTE-type keywords (SOLLTE, SOLLTEN, also with NICHT).</summary>
    public const string Should = "SOLLTE";

    /// <summary>Parses a module heading "SYS.2.1 Allgemeiner Client"; null when it is none.</summary>
    public static (string Id, string Title)? ParseModule(string heading)
    {
        var match = ModuleHeading().Match(heading);
        return match.Success ? (match.Groups["id"].Value, match.Groups["title"].Value) : null;
    }

    /// <summary>
    /// Parses a requirement heading "&lt;ID&gt; &lt;Titel&gt; (&lt;B|S|H&gt;) [&lt;Rollen&gt;]";
    /// null when it is none. The dot before "A" may be missing (OPS.2.3A22 in Edition 2023);
    /// <see cref="RequirementHeading.MissingDot"/> tells the caller.
    /// </summary>
    public static RequirementHeading? ParseRequirement(string heading)
    {
        var match = RequirementHeadingPattern().Match(heading);
        if (!match.Success)
        {
            return null;
        }

        var level = match.Groups["level"].Value switch
        {
            "B" => RequirementLevel.Basis,
            "S" => RequirementLevel.Standard,
            _ => RequirementLevel.Hoch,
        };
        var roles = match.Groups["roles"].Success ? SplitRoles(match.Groups["roles"].Value) : [];
        return new RequirementHeading(
            SourceId: match.Groups["module"].Value + match.Groups["dot"].Value + "A" + match.Groups["number"].Value,
            ModuleId: match.Groups["module"].Value,
            Number: match.Groups["number"].Value,
            MissingDot: match.Groups["dot"].Length == 0,
            Title: match.Groups["title"].Value,
            LevelLetter: match.Groups["level"].Value,
            Level: level,
            Roles: roles);
    }

    /// <summary>
    /// The level a "Basis-Anforderungen" / "Standard-Anforderungen" / "Anforderungen bei erhöhtem
    /// Schutzbedarf" subsection stands for; null for any other title. CON.7 and SYS.4.4 use the
    /// singular "Basis-Anforderung", so titles are matched by prefix.
    /// </summary>
    public static RequirementLevel? LevelOfSection(string title)
    {
        if (title.StartsWith("Basis-Anforderung", StringComparison.Ordinal))
        {
            return RequirementLevel.Basis;
        }

        if (title.StartsWith("Standard-Anforderung", StringComparison.Ordinal))
        {
            return RequirementLevel.Standard;
        }

        return title.StartsWith("Anforderungen bei erhöhtem Schutzbedarf", StringComparison.Ordinal)
            ? RequirementLevel.Hoch
            : null;
    }

    /// <summary>
    /// Splits "Mitarbeitende, OT-Betrieb (Operational Technology, OT)" into roles. Commas inside
    /// parentheses do not split, because that role name itself contains one.
    /// </summary>
    public static IReadOnlyList<string> SplitRoles(string text)
    {
        var roles = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    AddRole(roles, text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        AddRole(roles, text[start..]);
        return roles;
    }

    /// <summary>
    /// The strongest normative keyword in <paramref name="text"/>: "MUSS" for MUSS/MÜSSEN and
    /// every upper-case DARF/DÜRFEN (DARF NICHT, DARF NUR, DARF KEIN and split forms such as
    /// "DÜRFEN diese NUR"), else "SOLLTE" for SOLLTE/SOLLTEN (with or without NICHT), else null.
    /// Only upper case counts: lower-case "muss" is ordinary prose.
    /// </summary>
    public static string? ModalVerbOf(string text)
    {
        if (MustKeyword().IsMatch(text))
        {
            return Must;
        }

        return ShouldKeyword().IsMatch(text) ? Should : null;
    }

    private static void AddRole(List<string> roles, string role)
    {
        var trimmed = DocBookText.CollapseWhitespace(role);
        if (trimmed.Length > 0)
        {
            roles.Add(trimmed);
        }
    }

    [GeneratedRegex(@"^(?<id>[A-Z]{2,5}(?:\.[0-9]+)+)\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleHeading();

    // DOMAIN.md §1.3, extended by an optional dot before "A" for OPS.2.3A22.
    [GeneratedRegex(
        @"^(?<module>[A-Z]{2,5}(?:\.[0-9]+)+)(?<dot>\.?)A(?<number>[0-9]+)\s+(?<title>.*?)\s*\((?<level>[BSH])\)\s*(?:\[(?<roles>.*)\])?\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex RequirementHeadingPattern();

    [GeneratedRegex(@"\b(?:MUSS|MÜSSEN|DARF|DÜRFEN)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MustKeyword();

    [GeneratedRegex(@"\b(?:SOLLTE|SOLLTEN)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShouldKeyword();
}
