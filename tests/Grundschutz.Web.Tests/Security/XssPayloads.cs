namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// The shared corpus of hostile text for every free-text field: markup and attribute breakouts, script URLs, SVG,
/// template and Markdown tricks, comments, CSS expressions, Unicode direction overrides, a long string and spreadsheet
/// formula prefixes. Each fits every field's length limit (200 characters) and is one line without double spaces, so
/// that the displayed text can be compared with what was typed.
/// </summary>
public static class XssPayloads
{
    public static readonly IReadOnlyList<string> All =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">klick</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "[x](javascript:alert(1)) ![b](http://evil.example/x.png)",
        "{{ municipality.name }} {{#each plan.items}}x{{/each}} @Model ${7*7}",
        "<!-- Kommentar beginnt",
        "</textarea><script>alert(1)</script>",
        "</title><style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"width:expression(alert(1))\">x</div>",
        "Zielobjekt \u202Egnp.exe\u202C und \u200Funsichtbar",
        "=HYPERLINK(\"http://evil.example\",\"Klick\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "<b>fett</b> & &amp; &lt;b&gt; \" ' ` Umlaute äöüß",
        string.Concat(Enumerable.Repeat("<>\"'&x", 32)),
    ];

    public static IEnumerable<object[]> Indexes => All.Select((_, i) => new object[] { i });
}
