using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// Writes a workbook whose main sheet is one large table. ClosedXML lays out everything it is good at — the other
/// sheets, the header row, column widths and styles, the frozen header, the auto-filter, print setup and the style
/// table — and saves a small template. The data rows are then streamed straight into that sheet's XML while the
/// package is copied. Why: ClosedXML 0.95 needs about 10 s to save 73,400 rows × 11 cells (a full Kompendium
/// assessment), the stream well under a second.
/// <para>
/// How the styles get to the streamed cells: ClosedXML writes two template rows (row 2 plain, row 3 with the quote
/// prefix) with each column's style; their style indices are read back, the template rows dropped, and every
/// streamed cell carries the index of its column.
/// </para>
/// </summary>
internal static class StreamedTableWorkbook
{
    private const string WorkbookPart = "xl/workbook.xml";
    private const string WorkbookRelationships = "xl/_rels/workbook.xml.rels";
    private const string RowsMarker = "grundschutz-rows";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Sets up <paramref name="sheet"/> as a table: German headers in row 1 (bold, shaded, wrapped), explicit column
    /// widths, wrapping and number formats per column, frozen header row, auto-filter over the header and
    /// <paramref name="rowCount"/> data rows, A4 landscape, header row repeated on every page, fit to one page wide.
    /// </summary>
    public static void LayOut(IXLWorksheet sheet, IReadOnlyList<ExcelColumn> columns, int rowCount, string printTitle)
    {
        for (var c = 1; c <= columns.Count; c++)
        {
            var column = columns[c - 1];
            var sheetColumn = sheet.Column(c);
            sheetColumn.Width = column.Width;
            Apply(sheetColumn.Style, column, quoted: false);
        }

        var header = sheet.Range(1, 1, 1, columns.Count);
        for (var c = 1; c <= columns.Count; c++)
        {
            ExcelText.SetText(sheet.Cell(1, c), columns[c - 1].Header);
        }

        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xD9, 0xE1, 0xF2);
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.NumberFormat.Format = "@";
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;

        // The template rows: one cell per column with the column's style, plain (row 2) and quote-prefixed (row 3).
        for (var c = 1; c <= columns.Count; c++)
        {
            var column = columns[c - 1];
            for (var row = 2; row <= 3; row++)
            {
                var cell = sheet.Cell(row, c);
                switch (column.Kind)
                {
                    case ExcelCellKind.Text:
                        cell.SetValue("x");
                        break;
                    case ExcelCellKind.Date:
                        cell.SetValue(new DateTime(2000, 1, 1));
                        break;
                    default:
                        cell.SetValue(1);
                        break;
                }

                Apply(cell.Style, column, quoted: row == 3 && column.Kind == ExcelCellKind.Text);
            }
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, 1 + rowCount, columns.Count).SetAutoFilter();

        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(1, 1);
        page.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6).SetHeader(0.3).SetFooter(0.3);
        // In page headers „&“ starts a control code (&P = page number); a literal one is doubled.
        page.Header.Left.AddText(printTitle.Replace("&", "&&", StringComparison.Ordinal));
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Right.AddText(" / ");
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    /// <summary>
    /// Saves <paramref name="workbook"/> to <paramref name="output"/> with the rows of <paramref name="sheet"/> (laid
    /// out by <see cref="LayOut"/> for <paramref name="rowCount"/> rows) written by <paramref name="writeRows"/>.
    /// </summary>
    public static void Save(XLWorkbook workbook, IXLWorksheet sheet, IReadOnlyList<ExcelColumn> columns, int rowCount, Stream output, Action<ExcelRowWriter> writeRows)
    {
        // Heights for wrapped text: the other sheets (Angaben, Anleitung …) and the table's header row; the streamed
        // rows get theirs from ExcelRowWriter.
        foreach (var other in workbook.Worksheets.Where(w => w.Name != sheet.Name))
        {
            RowHeights.Fit(other);
        }

        RowHeights.Fit(sheet, onlyRow: 1);

        using var template = new MemoryStream();
        workbook.SaveAs(template);
        template.Position = 0;
        using var source = new ZipArchive(template, ZipArchiveMode.Read);
        var sheetPart = SheetPart(source, sheet.Name);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            using var to = copy.Open();
            if (entry.FullName == sheetPart)
            {
                XDocument document;
                using (var from = entry.Open())
                {
                    document = XDocument.Load(from);
                }

                WriteSheet(document, columns, rowCount, to, writeRows);
            }
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    private static void Apply(IXLStyle style, ExcelColumn column, bool quoted)
    {
        style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        style.Alignment.WrapText = column.Wrap;
        switch (column.Kind)
        {
            case ExcelCellKind.Date:
                style.NumberFormat.Format = ExcelFormats.Date;
                break;
            case ExcelCellKind.Currency:
                style.NumberFormat.Format = ExcelFormats.Currency;
                break;
            case ExcelCellKind.Integer:
                style.NumberFormat.Format = "0";
                // Centred: a right-aligned number ran into the left-aligned text of the next column („1normal-SdT“).
                style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                break;
            default:
                style.NumberFormat.Format = "@";
                break;
        }

        if (quoted)
        {
            style.IncludeQuotePrefix = true;
        }

        if (column.Editable)
        {
            style.Protection.Locked = false;
        }
    }

    private static void WriteSheet(XDocument document, IReadOnlyList<ExcelColumn> columns, int rowCount, Stream to, Action<ExcelRowWriter> writeRows)
    {
        var root = document.Root ?? throw new InvalidDataException("Worksheet without root element.");
        var ns = root.Name.Namespace;
        var sheetData = root.Element(ns + "sheetData") ?? throw new InvalidDataException("Worksheet without sheetData.");
        var rows = sheetData.Elements(ns + "row").ToList();
        XElement Row(int number) => rows.SingleOrDefault(r => (string?)r.Attribute("r") == number.ToString(CultureInfo.InvariantCulture))
            ?? throw new InvalidDataException($"Template row {number} missing.");
        var plain = StylesOf(Row(2), ns, columns.Count);
        var quoted = StylesOf(Row(3), ns, columns.Count);
        foreach (var row in rows.Where(r => (string?)r.Attribute("r") != "1"))
        {
            row.Remove();
        }

        var lastColumn = ExcelRowWriter.ColumnLetters(columns.Count);
        root.Element(ns + "dimension")?.SetAttributeValue("ref", $"A1:{lastColumn}{1 + rowCount}");
        sheetData.Add(new XComment(RowsMarker));

        var xml = root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        var marker = $"<!--{RowsMarker}-->";
        var cut = xml.IndexOf(marker, StringComparison.Ordinal);
        var prefix = root.GetPrefixOfNamespace(ns) is { Length: > 0 } p ? p + ":" : "";

        using var writer = new StreamWriter(to, Utf8, 1 << 16);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(xml.AsSpan(0, cut));
        using var rowWriter = new ExcelRowWriter(writer, prefix, columns, plain, quoted);
        writeRows(rowWriter);
        if (rowWriter.RowsWritten != rowCount)
        {
            throw new InvalidOperationException($"{rowWriter.RowsWritten} rows written, {rowCount} announced.");
        }

        writer.Write(xml.AsSpan(cut + marker.Length));
    }

    private static string[] StylesOf(XElement row, XNamespace ns, int columnCount)
    {
        var styles = Enumerable.Repeat("0", columnCount).ToArray();
        var position = 0;
        foreach (var cell in row.Elements(ns + "c"))
        {
            var reference = (string?)cell.Attribute("r");
            var column = reference is null ? position : ColumnIndex(reference);
            if (column < columnCount)
            {
                styles[column] = (string?)cell.Attribute("s") ?? "0";
            }

            position = column + 1;
        }

        return styles;
    }

    /// <summary>0-based column of a cell reference such as „K2“.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>The package path of the worksheet called <paramref name="sheetName"/>.</summary>
    private static string SheetPart(ZipArchive package, string sheetName)
    {
        XDocument Load(string path)
        {
            var entry = package.GetEntry(path) ?? throw new InvalidDataException($"{path} missing in the workbook.");
            using var stream = entry.Open();
            return XDocument.Load(stream);
        }

        var workbook = Load(WorkbookPart);
        var sheet = workbook.Descendants().FirstOrDefault(e => e.Name.LocalName == "sheet" && (string?)e.Attribute("name") == sheetName)
            ?? throw new InvalidDataException($"Sheet „{sheetName}“ missing in the workbook.");
        var id = (string?)sheet.Attribute(Relationships + "id") ?? throw new InvalidDataException("Sheet without relationship id.");
        var relationship = Load(WorkbookRelationships).Root?.Elements(PackageRelationships + "Relationship")
            .FirstOrDefault(r => (string?)r.Attribute("Id") == id)
            ?? throw new InvalidDataException($"Relationship {id} missing.");
        var targetPath = (string?)relationship.Attribute("Target") ?? throw new InvalidDataException("Relationship without target.");
        return targetPath.StartsWith('/') ? targetPath.TrimStart('/') : "xl/" + targetPath;
    }
}
