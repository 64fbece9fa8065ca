using ClosedXML.Excel;
using Grundschutz.Infrastructure.Export.Excel;

namespace Grundschutz.Infrastructure.Tests.Export;

/// <summary>Checks shared by both export workbooks, on the reopened file.</summary>
internal static class WorkbookAssert
{
    public static XLWorkbook Reopen(MemoryStream file)
    {
        file.Position = 0;
        return new XLWorkbook(file);
    }

    /// <summary>German headers, frozen header row, auto-filter over header and data, explicit widths, wrapping, print setup.</summary>
    public static void Table(IXLWorksheet sheet, IReadOnlyList<ExcelColumn> columns, int dataRows)
    {
        for (var c = 1; c <= columns.Count; c++)
        {
            Assert.Equal(columns[c - 1].Header, sheet.Cell(1, c).GetString());
            Assert.Equal(columns[c - 1].Width, sheet.Column(c).Width, 3);
            Assert.Equal(columns[c - 1].Wrap, sheet.Column(c).Style.Alignment.WrapText);
        }

        Assert.True(sheet.Cell(1, columns.Count + 1).IsEmpty());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(0, sheet.SheetView.SplitColumn);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal($"A1:{ExcelRowWriter.ColumnLetters(columns.Count)}{1 + dataRows}", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        Assert.Equal(0, sheet.PageSetup.PagesTall);
        Assert.Equal(1, sheet.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(1, sheet.PageSetup.LastRowToRepeatAtTop);
        Assert.Equal(1 + dataRows, sheet.LastRowUsed()?.RowNumber() ?? 0);
    }

    /// <summary>The cell holds exactly <paramref name="expected"/> as text: no formula, not a number, quote prefix where it looks like a formula.</summary>
    public static void Text(IXLCell cell, string expected)
    {
        Assert.False(cell.HasFormula, $"{cell.Address} has a formula.");
        Assert.Equal(XLDataType.Text, cell.DataType);
        // ClosedXML's reader may turn a carriage return into a line feed; line breaks are compared as such.
        Assert.Equal(expected.Replace('\r', '\n'), cell.GetString().Replace('\r', '\n'));
        if (expected.Length > 0 && expected[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            Assert.True(cell.Style.IncludeQuotePrefix, $"{cell.Address} lacks the quote prefix.");
        }
    }

    /// <summary>The cell is a real date shown as dd.MM.yyyy.</summary>
    public static void Date(IXLCell cell, DateOnly expected)
    {
        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(expected.ToDateTime(TimeOnly.MinValue), cell.GetDateTime());
        Assert.Equal(ExcelFormats.Date, cell.Style.NumberFormat.Format);
    }

    /// <summary>The label/value lines of the „Angaben“ sheet.</summary>
    public static Dictionary<string, IXLCell> Info(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheet("Angaben");
        var lines = new Dictionary<string, IXLCell>(StringComparer.Ordinal);
        foreach (var row in sheet.RowsUsed())
        {
            var label = row.Cell(1).GetString();
            if (label.Length > 0)
            {
                lines.TryAdd(label, row.Cell(2));
            }
        }

        return lines;
    }
}
