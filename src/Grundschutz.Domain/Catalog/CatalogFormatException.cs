using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog;

/// <summary>
/// A catalogue file cannot be imported. The message is meant for the user; <see cref="Location"/>
/// names where in the file the problem is (line/position for XML and JSON, or an id). Both are built from
/// formats that are their resource keys (<see cref="Text"/>, <see cref="Where"/>), so the pages can translate them.
/// </summary>
public sealed class CatalogFormatException : Exception, ITranslatableMessage
{
    /// <summary>Creates the exception.</summary>
    public CatalogFormatException(MessageText message, MessageText? location = null, Exception? inner = null)
        : base(message?.ToString(), inner)
    {
        ArgumentNullException.ThrowIfNull(message);
        Text = message;
        Where = location;
    }

    /// <summary>Creates the exception without details (serialization and tooling).</summary>
    public CatalogFormatException()
        : this(MessageText.Of("Der Katalog ist ungültig."))
    {
    }

    /// <summary>Creates the exception with a message only (the message is its own resource key).</summary>
    public CatalogFormatException(string message)
        : this(MessageText.Of(message))
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public CatalogFormatException(string message, Exception inner)
        : this(MessageText.Of(message), null, inner)
    {
    }

    /// <summary>What is wrong, translatable.</summary>
    public MessageText Text { get; }

    /// <summary>Where in the file, translatable; null if unknown.</summary>
    public MessageText? Where { get; }

    /// <summary>Where in the file, e.g. "Zeile 12, Position 5" or "Control ASST.1.1"; null if unknown.</summary>
    public string? Location => Where?.ToString();

    /// <summary>The file name, set by the import pipeline.</summary>
    public string? FileName { get; init; }

    /// <inheritdoc />
    public string Format => Text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => Text.Arguments;
}
