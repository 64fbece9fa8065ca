using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Files;

/// <summary>
/// An evidence or policy upload was refused (name, type, size, content); nothing was stored. <see cref="Exception.Message"/>
/// is the German message for the user (and the log); it is built from a format that is its resource key
/// (<see cref="ITranslatableMessage"/>), so the pages show it in the reader's language.
/// </summary>
public sealed class EvidenceRejectedException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    public EvidenceRejectedException()
        : this(MessageText.Of("Die Datei wurde abgelehnt."))
    {
    }

    /// <summary>A refusal whose message is its own resource key.</summary>
    public EvidenceRejectedException(string message)
        : this(MessageText.Of(message))
    {
    }

    /// <summary>A refusal whose message is its own resource key, caused by <paramref name="innerException"/>.</summary>
    public EvidenceRejectedException(string message, Exception innerException)
        : this(MessageText.Of(message), innerException)
    {
    }

    /// <summary>A refusal with a translatable message and, optionally, its cause.</summary>
    public EvidenceRejectedException(MessageText message, Exception? innerException = null)
        : base(message?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(message);
        _text = message;
    }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;
}
