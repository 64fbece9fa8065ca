using System.Globalization;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// Streams the data rows of an export table as SpreadsheetML, one call per cell in column order and
/// <see cref="EndRow"/> after each row. Text goes into inline strings (never a formula), numbers and dates into
/// numeric cells; each cell gets the style ClosedXML created for its column (with the quote prefix where the text
/// starts like a formula). Empty values write no cell.
/// </summary>
internal sealed class ExcelRowWriter : IDisposable
{
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    private readonly TextWriter _output;

    // The cells of the current row: the row's height (from its longest wrapped text) is known only at its end.
    private readonly StringWriter _writer = new(CultureInfo.InvariantCulture);
    private readonly IReadOnlyList<ExcelColumn> _columns;
    private readonly string[] _letters;
    private readonly string[] _plainStyles;
    private readonly string[] _quotedStyles;
    private readonly string _rowOpen;
    private readonly string _rowClose;
    private readonly string _cellOpen;
    private readonly string _inlineOpen;
    private readonly string _inlineOpenPreserve;
    private readonly string _inlineClose;
    private readonly string _valueOpen;
    private readonly string _valueClose;
    private readonly char[] _number = new char[64];
    private int _row = 2;
    private int _column;
    private int _lines = 1;

    internal ExcelRowWriter(TextWriter writer, string prefix, IReadOnlyList<ExcelColumn> columns, string[] plainStyles, string[] quotedStyles)
    {
        _output = writer;
        _columns = columns;
        _plainStyles = plainStyles;
        _quotedStyles = quotedStyles;
        _letters = [.. Enumerable.Range(1, columns.Count).Select(ColumnLetters)];
        _rowOpen = $"<{prefix}row r=\"";
        _rowClose = $"</{prefix}row>";
        _cellOpen = $"<{prefix}c r=\"";
        _inlineOpen = $" t=\"inlineStr\"><{prefix}is><{prefix}t>";
        _inlineOpenPreserve = $" t=\"inlineStr\"><{prefix}is><{prefix}t xml:space=\"preserve\">";
        _inlineClose = $"</{prefix}t></{prefix}is></{prefix}c>";
        _valueOpen = $"><{prefix}v>";
        _valueClose = $"</{prefix}v></{prefix}c>";
    }

    /// <summary>Data rows completed so far.</summary>
    public int RowsWritten => _row - 2;

    /// <summary>A text cell (stays text whatever it starts with).</summary>
    public void Text(string? value)
    {
        var column = Next(ExcelCellKind.Text);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        value = ExcelText.Limit(value);
        if (_columns[column].Wrap)
        {
            _lines = Math.Max(_lines, RowHeights.Lines(value, _columns[column].Width));
        }

        var quoted = ExcelText.NeedsQuotePrefix(value);
        StartCell(column, quoted ? _quotedStyles[column] : _plainStyles[column]);
        _writer.Write(char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ? _inlineOpenPreserve : _inlineOpen);
        ExcelText.WriteXmlContent(_writer, value);
        _writer.Write(_inlineClose);
    }

    /// <summary>A whole number.</summary>
    public void Integer(int? value)
    {
        var column = Next(ExcelCellKind.Integer);
        if (value is { } number)
        {
            WriteNumber(column, number.TryFormat(_number, out var length, default, CultureInfo.InvariantCulture), length);
        }
    }

    /// <summary>A date (stored as Excel serial day, shown dd.MM.yyyy).</summary>
    public void Date(DateOnly? value)
    {
        var column = Next(ExcelCellKind.Date);
        if (value is { } date)
        {
            WriteNumber(column, (date.DayNumber - ExcelEpoch).TryFormat(_number, out var length, default, CultureInfo.InvariantCulture), length);
        }
    }

    /// <summary>An amount in euros.</summary>
    public void Currency(decimal? value)
    {
        var column = Next(ExcelCellKind.Currency);
        if (value is { } amount)
        {
            WriteNumber(column, amount.TryFormat(_number, out var length, default, CultureInfo.InvariantCulture), length);
        }
    }

    /// <summary>Closes the row; every column must have been written.</summary>
    public void EndRow()
    {
        if (_column != _columns.Count)
        {
            throw new InvalidOperationException($"Row {_row} has {_column} of {_columns.Count} cells.");
        }

        _output.Write(_rowOpen);
        WriteRowNumber(_output);
        _output.Write('"');
        if (_lines > 1)
        {
            // Without a stored height, LibreOffice and printing draw the further lines over the next rows.
            _output.Write(" ht=\"");
            _output.Write(RowHeights.Height(_lines).ToString("0.##", CultureInfo.InvariantCulture));
            _output.Write("\" customHeight=\"1\"");
        }

        _output.Write('>');
        var cells = _writer.GetStringBuilder();
        foreach (var chunk in cells.GetChunks())
        {
            _output.Write(chunk.Span);
        }

        cells.Clear();
        _output.Write(_rowClose);
        _row++;
        _column = 0;
        _lines = 1;
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Column letters of a 1-based column index (1 → A, 27 → AA).</summary>
    internal static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private int Next(ExcelCellKind kind)
    {
        if (_column >= _columns.Count)
        {
            throw new InvalidOperationException($"Row {_row} has more than {_columns.Count} cells; call EndRow.");
        }

        if (_columns[_column].Kind != kind)
        {
            throw new InvalidOperationException($"Column „{_columns[_column].Header}“ holds {_columns[_column].Kind}, not {kind}.");
        }

        return _column++;
    }

    private void StartCell(int column, string style)
    {
        _writer.Write(_cellOpen);
        _writer.Write(_letters[column]);
        WriteRowNumber(_writer);
        _writer.Write("\" s=\"");
        _writer.Write(style);
        _writer.Write('"');
    }

    private void WriteNumber(int column, bool formatted, int length)
    {
        if (!formatted)
        {
            throw new InvalidOperationException("Number too long.");
        }

        StartCell(column, _plainStyles[column]);
        _writer.Write(_valueOpen);
        _writer.Write(_number, 0, length);
        _writer.Write(_valueClose);
    }

    private void WriteRowNumber(TextWriter writer)
    {
        Span<char> digits = stackalloc char[12];
        _row.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        writer.Write(digits[..length]);
    }
}
