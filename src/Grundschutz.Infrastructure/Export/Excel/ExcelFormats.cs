namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>Number formats of the exports.</summary>
public static class ExcelFormats
{
    /// <summary>German date.</summary>
    public const string Date = "dd.MM.yyyy";

    /// <summary>German date and time.</summary>
    public const string DateTime = "dd.MM.yyyy HH:mm";

    /// <summary>Euro amount, with a little space after it (the amount ran into the next column's text: „2.500,00 €Nein“).</summary>
    public const string Currency = "#,##0.00 €_-";
}
