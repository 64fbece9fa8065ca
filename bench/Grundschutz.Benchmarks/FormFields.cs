using System.Net;

namespace Grundschutz.Benchmarks;

/// <summary>
/// The action and hidden fields (anti-forgery token, version, …) of one form of a page, read with a minimal scan of
/// the markup the app renders itself. Deliberately no HTML parser: the load client must cost the shared CPU as little
/// as possible. The tests parse pages properly (AngleSharp).
/// </summary>
internal sealed record FormFields(string Action, IReadOnlyDictionary<string, string> Hidden)
{
    public static FormFields Read(string html, string formId)
    {
        var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"The page has no form #{formId}.");
        }

        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var formEnd = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var formTag = html[formStart..html.IndexOf('>', formStart)];
        var action = WebUtility.HtmlDecode(Attribute(formTag, "action") ?? "");
        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var at = html.IndexOf("<input", formStart, StringComparison.Ordinal); at >= 0 && at < formEnd; at = html.IndexOf("<input", at + 6, StringComparison.Ordinal))
        {
            var tag = html[at..html.IndexOf('>', at)];
            if (Attribute(tag, "type") == "hidden" && Attribute(tag, "name") is { } name)
            {
                hidden[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
            }
        }

        return new FormFields(action, hidden);
    }

    private static string? Attribute(string tag, string name)
    {
        var key = " " + name + "=\"";
        var at = tag.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var from = at + key.Length;
        return tag[from..tag.IndexOf('"', from)];
    }
}
