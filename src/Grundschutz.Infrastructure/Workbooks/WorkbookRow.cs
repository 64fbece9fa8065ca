namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>One data row of the questions sheet: its row number and the cells of columns 1 to <see cref="QuestionnaireFormat.ColumnCount"/>.</summary>
public sealed record WorkbookRow(int RowNumber, IReadOnlyList<WorkbookCell?> Cells)
{
    public WorkbookCell? this[int column] => Cells[column - 1];

    /// <summary>True when no cell has a non-blank value.</summary>
    public bool IsBlank => Cells.All(c => c is null || (c.Number is null && string.IsNullOrWhiteSpace(c.Text)));
}
