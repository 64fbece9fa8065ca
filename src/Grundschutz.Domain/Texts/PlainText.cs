using System.Text;

namespace Grundschutz.Domain.Texts;

/// <summary>
/// Typed or imported text without the characters that no one types and no format downstream can carry: control
/// characters other than tab and line breaks (XML 1.0 – the Excel and Kompendium formats – forbids them, PostgreSQL's
/// <c>text</c> refuses NUL, and on a page they are invisible), C1 controls (what a wrongly decoded Windows-1252 text
/// leaves behind), the non-characters U+FFFE/U+FFFF and unpaired surrogates. A vertical tab or form feed – Word puts
/// a vertical tab for a manual line break into copied text – becomes a line break.
/// </summary>
public static class PlainText
{
    /// <summary>The text cleaned as described above; the same instance when there is nothing to clean.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstToClean(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c is '\v' or '\f')
            {
                builder.Append('\n');
            }
            else if (!IsUnwanted(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstToClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnwanted(c) || c is '\v' or '\f')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnwanted(char c) =>
        c < ' ' ? c is not ('\t' or '\n' or '\r')
        : c is >= '\u007F' and <= '\u009F' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
