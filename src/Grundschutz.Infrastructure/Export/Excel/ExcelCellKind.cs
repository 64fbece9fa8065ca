namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>What a column of a streamed export table holds; decides the cell type and number format.</summary>
public enum ExcelCellKind
{
    /// <summary>Text, always stored as a string (never a formula), with a quote prefix when it starts like one.</summary>
    Text = 0,

    /// <summary>Whole number.</summary>
    Integer = 1,

    /// <summary>Calendar date, format dd.MM.yyyy.</summary>
    Date = 2,

    /// <summary>Amount in euros, format „#,##0.00 €“.</summary>
    Currency = 3,
}
