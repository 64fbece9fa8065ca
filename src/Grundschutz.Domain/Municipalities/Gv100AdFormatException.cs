using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Municipalities;

/// <summary>
/// A GV100AD file cannot be read. <see cref="Reason"/> is one German sentence for the user and
/// <see cref="LineNumber"/> the 1-based line it refers to (null when it concerns the whole file). The reason is built
/// from a format that is its resource key (<see cref="ReasonText"/>), so the pages can show it in the reader's language;
/// <see cref="Exception.Message"/> stays German.
/// </summary>
public sealed class Gv100AdFormatException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    /// <summary>Creates the exception for a line (or the whole file when <paramref name="lineNumber"/> is null).</summary>
    public Gv100AdFormatException(MessageText reason, int? lineNumber, Exception? inner = null)
        : this(reason, lineNumber, Compose(reason, lineNumber), inner)
    {
    }

    /// <summary>Creates the exception without details (serialization and tooling).</summary>
    public Gv100AdFormatException()
        : this(MessageText.Of("Die Datei ist kein gültiges Gemeindeverzeichnis (GV100AD)."), null)
    {
    }

    /// <summary>Creates the exception with a reason only (the reason is its own resource key).</summary>
    public Gv100AdFormatException(string message)
        : this(MessageText.Of(message), null)
    {
    }

    /// <summary>Creates the exception with a reason (its own resource key) and inner exception.</summary>
    public Gv100AdFormatException(string message, Exception inner)
        : this(MessageText.Of(message), null, inner)
    {
    }

    private Gv100AdFormatException(MessageText reason, int? lineNumber, MessageText text, Exception? inner)
        : base(text.ToString(), inner)
    {
        ReasonText = reason;
        LineNumber = lineNumber;
        _text = text;
    }

    /// <summary>What is wrong, without the line number (German).</summary>
    public string Reason => ReasonText.ToString();

    /// <summary>What is wrong, without the line number, translatable.</summary>
    public MessageText ReasonText { get; }

    /// <summary>1-based line number, or null.</summary>
    public int? LineNumber { get; }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;

    private static MessageText Compose(MessageText reason, int? lineNumber)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return lineNumber is { } line ? MessageText.Of("Zeile {0}: {1}", line, reason) : reason;
    }
}
