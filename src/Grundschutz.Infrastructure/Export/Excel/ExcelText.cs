using System.Globalization;
using ClosedXML.Excel;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// Text cells that stay text. User input such as „=HYPERLINK(…)“, „+1+1“, „-2“ or „@SUM(A1)“ must never become a
/// formula or a number (CSV/formula injection): it is stored as a string and, when it starts like a formula, with the
/// quote prefix, so that Excel does not turn it into one when the cell is edited either.
/// </summary>
internal static class ExcelText
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>True when Excel or another spreadsheet would read <paramref name="text"/> as a formula (or a signed number).</summary>
    public static bool NeedsQuotePrefix(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>Sets a ClosedXML cell to <paramref name="text"/> as a string; empty for null.</summary>
    public static void SetText(IXLCell cell, string? text)
    {
        var value = Limit(text ?? "");
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        if (NeedsQuotePrefix(value))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    /// <summary>The text cut to <see cref="MaxCellLength"/> characters (Excel refuses longer cells).</summary>
    public static string Limit(string text) =>
        text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");

    /// <summary>
    /// Writes <paramref name="text"/> as XML element content of a SpreadsheetML <c>&lt;t&gt;</c>: markup characters
    /// escaped, a carriage return kept as a character reference (XML readers would fold CR LF), characters XML 1.0
    /// cannot carry written in the OOXML form <c>_xHHHH_</c>, and a literal <c>_xHHHH_</c> protected by escaping its
    /// underscore.
    /// </summary>
    public static void WriteXmlContent(TextWriter writer, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            if (c is '&')
            {
                replacement = "&amp;";
            }
            else if (c is '<')
            {
                replacement = "&lt;";
            }
            else if (c is '>')
            {
                replacement = "&gt;";
            }
            else if (c is '\r')
            {
                replacement = "&#xD;";
            }
            else if (c is '_' && IsEscapeSequenceAt(text, i))
            {
                replacement = "_x005F_";
            }
            else if (c < 0x20 && c is not '\t' and not '\n')
            {
                replacement = Escape(c);
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                replacement = Escape(c);
            }
            else if (c is '\uFFFE' or '\uFFFF')
            {
                replacement = Escape(c);
            }
            else
            {
                continue;
            }

            writer.Write(text.AsSpan(start, i - start));
            writer.Write(replacement);
            start = i + 1;
        }

        writer.Write(text.AsSpan(start));
    }

    private static string Escape(char c) => string.Create(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");

    private static bool IsEscapeSequenceAt(string text, int i) =>
        i + 6 < text.Length
        && text[i + 1] is 'x' or 'X'
        && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5])
        && text[i + 6] == '_';
}
