namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>One column of an export table: German header, explicit width (no auto-fit: it needs GDI+), kind and wrapping.</summary>
/// <param name="Header">Header text in row 1.</param>
/// <param name="Width">Column width in Excel character units.</param>
/// <param name="Kind">What the cells hold.</param>
/// <param name="Wrap">Wrap long text inside the cell.</param>
/// <param name="Editable">Not locked when the sheet is protected (the questionnaire workbook's answer columns).</param>
public sealed record ExcelColumn(string Header, double Width, ExcelCellKind Kind = ExcelCellKind.Text, bool Wrap = false, bool Editable = false);
