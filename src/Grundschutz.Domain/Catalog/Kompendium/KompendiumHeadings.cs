using System.Buffers;
using System.Text.RegularExpressions;

namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// The conventions of the Kompendium that live in plain text: module and requirement headings,
/// role lists and the upper-case normative keywords. All input is whitespace-normalised text.
/// </summary>
internal static partial class KompendiumHeadings
{
    // Every char \s matches except ' ' (\s is exactly char.IsWhiteSpace).
    private static readonly SearchValues<char> WhitespaceOtherThanSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

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
        ArgumentNullException.ThrowIfNull(heading);
        if (heading.AsSpan().IndexOfAny(WhitespaceOtherThanSpace) < 0)
        {
            // The usual case (normalised titles): parsed by hand, the pattern is slow for it.
            return ParseRequirementFast(heading);
        }

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
    /// <see cref="RequirementHeadingPattern"/> written out for text whose only white space is ' ':
    /// there <c>\s</c> is ' ' and <c>.</c> is any char.
    /// </summary>
    private static RequirementHeading? ParseRequirementFast(string text)
    {
        var length = text.Length;
        var i = 0;
        while (i < length && char.IsAsciiLetterUpper(text[i]))
        {
            i++;
        }

        if (i is < 2 or > 5)
        {
            return null;
        }

        var groups = 0;
        while (i + 1 < length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i += 2;
            while (i < length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            groups++;
        }

        if (groups == 0)
        {
            return null;
        }

        var moduleEnd = i;
        var dot = i < length && text[i] == '.';
        if (dot)
        {
            i++;
        }

        if (i >= length || text[i] != 'A')
        {
            return null;
        }

        var numberStart = ++i;
        while (i < length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var numberEnd = i;
        if (numberEnd == numberStart || i >= length || text[i] != ' ')
        {
            return null;
        }

        while (i < length && text[i] == ' ')
        {
            i++;
        }

        var titleStart = i;

        // The title is the shortest text followed by " (B|S|H)", optional " [roles]" and the end.
        for (var k = text.IndexOf('(', titleStart); k >= 0; k = text.IndexOf('(', k + 1))
        {
            if (k + 2 >= length || text[k + 1] is not ('B' or 'S' or 'H') || text[k + 2] != ')')
            {
                continue;
            }

            var j = k + 3;
            while (j < length && text[j] == ' ')
            {
                j++;
            }

            string? roles = null;
            if (j < length)
            {
                var last = length - 1;
                while (text[last] == ' ')
                {
                    last--;
                }

                if (text[j] != '[' || last <= j || text[last] != ']')
                {
                    continue;
                }

                roles = text[(j + 1)..last];
            }

            var titleEnd = k;
            while (titleEnd > titleStart && text[titleEnd - 1] == ' ')
            {
                titleEnd--;
            }

            var letter = text[k + 1];
            return new RequirementHeading(
                SourceId: text[..numberEnd],
                ModuleId: text[..moduleEnd],
                Number: text[numberStart..numberEnd],
                MissingDot: !dot,
                Title: text[titleStart..titleEnd],
                LevelLetter: letter switch { 'B' => "B", 'S' => "S", _ => "H" },
                Level: letter switch
                {
                    'B' => RequirementLevel.Basis,
                    'S' => RequirementLevel.Standard,
                    _ => RequirementLevel.Hoch,
                },
                Roles: roles is null ? [] : SplitRoles(roles));
        }

        return null;
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
