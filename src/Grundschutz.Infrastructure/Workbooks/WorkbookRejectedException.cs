using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// An uploaded workbook that is refused as a whole, with a German message for the user. Nothing was changed. The
/// message is built from a format that is its resource key (<see cref="ITranslatableMessage"/>).
/// </summary>
public sealed class WorkbookRejectedException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    /// <summary>A refusal whose message is its own resource key.</summary>
    public WorkbookRejectedException(string message)
        : this(MessageText.Of(message))
    {
    }

    /// <summary>A refusal with a translatable message.</summary>
    public WorkbookRejectedException(MessageText message)
        : base(message?.ToString())
    {
        ArgumentNullException.ThrowIfNull(message);
        _text = message;
    }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;
}
