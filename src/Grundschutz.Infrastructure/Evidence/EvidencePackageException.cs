using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// An evidence package cannot be made. <see cref="Exception.Message"/> is the German message for the user (and the
/// log); it is built from a format that is its resource key (<see cref="ITranslatableMessage"/>), so the pages show it
/// in the reader's language.
/// </summary>
public sealed class EvidencePackageException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    public EvidencePackageException()
        : this(MessageText.Of("Das Nachweispaket kann nicht erstellt werden."))
    {
    }

    /// <summary>A refusal whose message is its own resource key.</summary>
    public EvidencePackageException(string message)
        : this(MessageText.Of(message))
    {
    }

    /// <summary>A refusal whose message is its own resource key, caused by <paramref name="innerException"/>.</summary>
    public EvidencePackageException(string message, Exception innerException)
        : this(MessageText.Of(message), innerException)
    {
    }

    /// <summary>A refusal with a translatable message and, optionally, its cause.</summary>
    public EvidencePackageException(ITranslatableMessage message, Exception? innerException = null)
        : base(message is null ? null : MessageText.InGerman(message), innerException)
    {
        ArgumentNullException.ThrowIfNull(message);
        _text = MessageText.From(message);
    }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;

    /// <summary>
    /// The refusal <paramref name="format"/> (German, the resource key) filled with <paramref name="arguments"/>, as
    /// <see cref="MessageText.Of"/> builds it.
    /// </summary>
    public static EvidencePackageException Of(string format, params object[] arguments) => new(MessageText.Of(format, arguments));
}
