using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Grundschutz.Web.Tests.Security;

/// <summary>
/// Checks on a parsed page that user text stayed text: no element or attribute was made from it, and the text is
/// shown exactly as typed.
/// </summary>
public static partial class Inert
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "iframe", "frame", "frameset", "object", "embed", "base", "applet",
    };

    /// <summary>
    /// Nothing active on the page that the app does not put there itself: every script is an external file of the app
    /// without inline code, no event-handler attribute, no script URL in any attribute, no embedding elements, no
    /// refresh meta, every image from the app or a data URI of an image, no CSS expression.
    /// </summary>
    public static void AssertNoActiveContent(IDocument document, string where)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            Assert.False(ForbiddenElements.Contains(name), $"{where}: <{name}> element on the page.");
            if (name == "script")
            {
                var src = element.GetAttribute("src");
                Assert.True(src is not null && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal), $"{where}: script without an own src: {element.OuterHtml}");
                Assert.True(string.IsNullOrWhiteSpace(element.TextContent), $"{where}: inline script code: {element.OuterHtml}");
            }

            if (name == "meta")
            {
                Assert.False(string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase), $"{where}: refresh meta.");
            }

            if (name == "img")
            {
                var src = element.GetAttribute("src") ?? "";
                Assert.True(src.StartsWith('/') || src.StartsWith("data:image/png;base64,", StringComparison.Ordinal), $"{where}: foreign image {element.OuterHtml}");
            }

            if (name == "style")
            {
                Assert.DoesNotContain("expression(", element.TextContent, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("javascript:", element.TextContent, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: event handler {attribute.Name} on {element.OuterHtml}");
                var value = attribute.Value.Trim();
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "srcdoc")
                {
                    Assert.False(ScriptUrl().IsMatch(value), $"{where}: script URL in {attribute.Name}: {element.OuterHtml}");
                }

                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("expression(", value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    /// <summary>The page shows <paramref name="payload"/> literally: in its text or as the value of a form field.</summary>
    public static void AssertShowsText(IDocument document, string payload, string where)
    {
        ArgumentNullException.ThrowIfNull(document);
        var expected = Normalize(payload);
        var text = Normalize(document.Body?.TextContent ?? "") + " " + Normalize(document.Title ?? "");
        var inFields = document.QuerySelectorAll("input, textarea").Any(e => e switch
        {
            IHtmlInputElement input => Normalize(input.Value) == expected,
            IHtmlTextAreaElement area => Normalize(area.Value) == expected,
            _ => false,
        });
        Assert.True(text.Contains(expected, StringComparison.Ordinal) || inFields, $"{where}: the text „{payload}“ is not shown literally.");
    }

    /// <summary>Both checks at once.</summary>
    public static void AssertInertAndShown(IDocument document, string payload, string where)
    {
        AssertNoActiveContent(document, where);
        AssertShowsText(document, payload, where);
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^\s*(javascript|vbscript|data:text/html)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
