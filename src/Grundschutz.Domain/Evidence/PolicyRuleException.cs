using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Evidence;

/// <summary>
/// A policy upload broke a rule; nothing was saved. <see cref="Exception.Message"/> is the German message for the user;
/// it is built from a format that is its resource key (<see cref="ITranslatableMessage"/>), so the pages show it in
/// the reader's language.
/// </summary>
public sealed class PolicyRuleException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    /// <summary>Creates the exception without details (serialization and tooling).</summary>
    public PolicyRuleException()
        : this(MessageText.Of("Das Dokument kann so nicht gespeichert werden."))
    {
    }

    /// <summary>Creates the exception with a message that is its own resource key.</summary>
    public PolicyRuleException(string message)
        : this(MessageText.Of(message))
    {
    }

    /// <summary>Creates the exception with a message that is its own resource key and the inner exception.</summary>
    public PolicyRuleException(string message, Exception innerException)
        : this(MessageText.Of(message), innerException)
    {
    }

    /// <summary>Creates the exception with a translatable message and, optionally, the inner exception.</summary>
    public PolicyRuleException(MessageText message, Exception? innerException = null)
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
