namespace Grundschutz.Domain.Municipalities;

/// <summary>
/// A GV100AD file cannot be read. <see cref="Reason"/> is one German sentence for the user and
/// <see cref="LineNumber"/> the 1-based line it refers to (null when it concerns the whole file).
/// </summary>
public sealed class Gv100AdFormatException : Exception
{
    /// <summary>Creates the exception for a line (or the whole file when <paramref name="lineNumber"/> is null).</summary>
    public Gv100AdFormatException(string reason, int? lineNumber, Exception? inner = null)
        : base(lineNumber is null ? reason : $"Zeile {lineNumber}: {reason}", inner)
    {
        Reason = reason;
        LineNumber = lineNumber;
    }

    /// <summary>Creates the exception without details (serialization and tooling).</summary>
    public Gv100AdFormatException() : this("Die Datei ist kein gültiges Gemeindeverzeichnis (GV100AD).", (int?)null) { }

    /// <summary>Creates the exception with a reason only.</summary>
    public Gv100AdFormatException(string message) : this(message, (int?)null) { }

    /// <summary>Creates the exception with a reason and inner exception.</summary>
    public Gv100AdFormatException(string message, Exception inner) : this(message, null, inner) { }

    /// <summary>What is wrong, without the line number.</summary>
    public string Reason { get; }

    /// <summary>1-based line number, or null.</summary>
    public int? LineNumber { get; }
}
