using ClosedXML.Excel;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// The „Angaben“ sheet of an export: a title and label/value lines (which municipality, assessment, catalogue,
/// approach, dates, counts). Written cell by cell with ClosedXML; every text goes through <see cref="ExcelText"/>.
/// </summary>
internal sealed class InfoSheet
{
    /// <summary>Name of the sheet.</summary>
    public const string Name = "Angaben";

    private readonly IXLWorksheet _sheet;
    private int _row;

    public InfoSheet(XLWorkbook workbook, string title)
    {
        _sheet = workbook.AddWorksheet(Name);
        _sheet.Column(1).Width = 42;
        _sheet.Column(2).Width = 80;
        _sheet.Column(1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        _sheet.Column(2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        _sheet.Column(2).Style.Alignment.WrapText = true;
        _sheet.Column(2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        var titleCell = _sheet.Cell(1, 1);
        ExcelText.SetText(titleCell, title);
        titleCell.Style.Font.Bold = true;
        titleCell.Style.Font.FontSize = 14;
        _row = 3;

        var page = _sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Portrait;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
    }

    public IXLWorksheet Sheet => _sheet;

    public InfoSheet Text(string label, string? value)
    {
        ExcelText.SetText(Next(label), value);
        return this;
    }

    public InfoSheet Date(string label, DateOnly? value) => Moment(label, value?.ToDateTime(TimeOnly.MinValue), ExcelFormats.Date);

    public InfoSheet DateTime(string label, DateTime? value) => Moment(label, value, ExcelFormats.DateTime);

    public InfoSheet Integer(string label, int value)
    {
        var cell = Next(label);
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = "#,##0";
        return this;
    }

    public InfoSheet Currency(string label, decimal value)
    {
        var cell = Next(label);
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = ExcelFormats.Currency;
        return this;
    }

    /// <summary>An empty line, then a bold sub-heading.</summary>
    public InfoSheet Heading(string text)
    {
        _row++;
        var cell = _sheet.Cell(_row++, 1);
        ExcelText.SetText(cell, text);
        cell.Style.Font.Bold = true;
        return this;
    }

    private InfoSheet Moment(string label, DateTime? value, string format)
    {
        var cell = Next(label);
        if (value is { } moment)
        {
            cell.SetValue(moment);
            cell.Style.NumberFormat.Format = format;
        }

        return this;
    }

    private IXLCell Next(string label)
    {
        var labelCell = _sheet.Cell(_row, 1);
        ExcelText.SetText(labelCell, label);
        labelCell.Style.Font.Bold = true;
        return _sheet.Cell(_row++, 2);
    }
}
