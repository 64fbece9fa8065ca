namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>
/// A municipality import failed; nothing was saved. <see cref="Exception.Message"/> is one German sentence that
/// names the file and, where known, the line.
/// </summary>
public sealed class MunicipalityImportException : Exception
{
    public MunicipalityImportException() { }

    public MunicipalityImportException(string message) : base(message) { }

    public MunicipalityImportException(string message, Exception inner) : base(message, inner) { }

    public MunicipalityImportException(string fileName, string reason, int? lineNumber, Exception? inner)
        : base(lineNumber is null ? $"{fileName}: {reason}" : $"{fileName} (Zeile {lineNumber}): {reason}", inner)
    {
        FileName = fileName;
        Reason = reason;
        LineNumber = lineNumber;
    }

    public string? FileName { get; }

    public string? Reason { get; }

    public int? LineNumber { get; }
}
