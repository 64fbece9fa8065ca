using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>
/// A municipality import failed; nothing was saved. <see cref="Exception.Message"/> is one German sentence that
/// names the file and, where known, the line (for the CLI and the log). It is built from formats that are their
/// resource keys – „{file}: {reason}“ or „{file} (Zeile {line}): {reason}“ with the reason as a nested message – so the
/// import page shows it in the reader's language; the file name and the values quoted from the file stay as they are.
/// </summary>
public sealed class MunicipalityImportException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    public MunicipalityImportException()
        : this(MessageText.Of("Der Import des Gemeindeverzeichnisses ist fehlgeschlagen."), null)
    {
    }

    /// <summary>A failure whose message is its own resource key.</summary>
    public MunicipalityImportException(string message)
        : this(MessageText.Of(message), null)
    {
    }

    /// <summary>A failure whose message is its own resource key, caused by <paramref name="inner"/>.</summary>
    public MunicipalityImportException(string message, Exception inner)
        : this(MessageText.Of(message), inner)
    {
    }

    /// <summary>A failure of <paramref name="fileName"/>, at <paramref name="lineNumber"/> if it concerns one line.</summary>
    public MunicipalityImportException(string fileName, MessageText reason, int? lineNumber, Exception? inner)
        : this(Compose(fileName, reason, lineNumber), inner)
    {
        FileName = fileName;
        ReasonText = reason;
        LineNumber = lineNumber;
    }

    private MunicipalityImportException(MessageText text, Exception? inner)
        : base(text.ToString(), inner)
    {
        _text = text;
    }

    public string? FileName { get; }

    /// <summary>What is wrong (German), without file name and line.</summary>
    public string? Reason => ReasonText?.ToString();

    /// <summary>What is wrong, translatable, without file name and line.</summary>
    public MessageText? ReasonText { get; }

    public int? LineNumber { get; }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;

    private static MessageText Compose(string fileName, MessageText reason, int? lineNumber)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reason);
        return lineNumber is { } line
            ? MessageText.Of("{0} (Zeile {1}): {2}", fileName, line, reason)
            : MessageText.Of("{0}: {1}", fileName, reason);
    }
}
