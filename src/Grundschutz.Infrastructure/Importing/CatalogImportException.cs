using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Importing;

/// <summary>
/// An import failed; nothing was saved. <see cref="Message"/> is one German sentence that names the file and,
/// where known, the position. Its parts (reason, location) stay translatable: the message is the format
/// „{file}: {reason}“ or „{file} ({location}): {reason}“ with the reason and location as messages.
/// </summary>
public sealed class CatalogImportException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    public CatalogImportException()
        : this("Der Import ist fehlgeschlagen.")
    {
    }

    public CatalogImportException(string message)
        : this(MessageText.Of(message))
    {
    }

    public CatalogImportException(string message, Exception inner)
        : base(message, inner)
    {
        _text = MessageText.Of(message);
    }

    /// <summary>A refusal that concerns no single file.</summary>
    public CatalogImportException(MessageText message)
        : base(message?.ToString())
    {
        ArgumentNullException.ThrowIfNull(message);
        _text = message;
    }

    public CatalogImportException(string fileName, MessageText reason, MessageText? location, Exception? inner)
        : this(Compose(fileName, reason, location), inner)
    {
        FileName = fileName;
        ReasonText = reason;
        LocationText = location;
    }

    private CatalogImportException(MessageText text, Exception? inner)
        : base(text.ToString(), inner)
    {
        _text = text;
    }

    public string? FileName { get; }

    /// <summary>What is wrong (German).</summary>
    public string? Reason => ReasonText?.ToString();

    /// <summary>Where in the file (German), if known.</summary>
    public string? Location => LocationText?.ToString();

    /// <summary>What is wrong, translatable.</summary>
    public MessageText? ReasonText { get; }

    /// <summary>Where in the file, translatable; null if unknown.</summary>
    public MessageText? LocationText { get; }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;

    private static MessageText Compose(string fileName, MessageText reason, MessageText? location)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reason);
        return location is null
            ? MessageText.Of("{0}: {1}", fileName, reason)
            : MessageText.Of("{0} ({1}): {2}", fileName, location, reason);
    }
}
