using ClosedXML.Excel;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// Row heights for wrapped text, estimated from the text's length and the column's width. A workbook without stored
/// heights relies on the program that opens it to measure the text; LibreOffice and printing to PDF do not, and
/// drew the second and further lines over the next rows. ClosedXML's automatic fitting would measure with
/// GDI+, which Linux lacks, so the estimate errs on the generous side: one line per column-width of characters (a
/// width unit is one digit, wider than most letters of German text), plus one per line break.
/// </summary>
internal static class RowHeights
{
    /// <summary>The height of one line of the default font (Calibri 11) in points.</summary>
    public const double LineHeight = 15;

    /// <summary>The largest row height Excel accepts, in points.</summary>
    public const double MaxHeight = 409;

    /// <summary>How many lines <paramref name="text"/> needs when wrapped in a column <paramref name="width"/> characters wide.</summary>
    public static int Lines(string text, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var perLine = Math.Max(1, (int)Math.Floor(width));
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines += Math.Max(1, (paragraph.TrimEnd('\r').Length + perLine - 1) / perLine);
        }

        return lines;
    }

    /// <summary>The row height for <paramref name="lines"/> lines, at most <see cref="MaxHeight"/>.</summary>
    public static double Height(int lines) => Math.Min(MaxHeight, lines * LineHeight);

    /// <summary>
    /// Gives every used row of <paramref name="sheet"/> (or only <paramref name="onlyRow"/>) whose wrapped cells need
    /// more than one line the height for them; merged cells count with the width of all their columns.
    /// </summary>
    public static void Fit(IXLWorksheet sheet, int? onlyRow = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        foreach (var row in sheet.RowsUsed())
        {
            if (onlyRow is { } only && row.RowNumber() != only)
            {
                continue;
            }

            var lines = 1;
            foreach (var cell in row.CellsUsed())
            {
                if (!cell.Style.Alignment.WrapText || cell.GetString() is not { Length: > 0 } text)
                {
                    continue;
                }

                var width = cell.IsMerged()
                    ? cell.MergedRange().Columns().Sum(c => c.WorksheetColumn().Width)
                    : cell.WorksheetColumn().Width;
                lines = Math.Max(lines, Lines(text, width));
            }

            if (lines > 1)
            {
                row.Height = Height(lines);
            }
        }
    }
}
