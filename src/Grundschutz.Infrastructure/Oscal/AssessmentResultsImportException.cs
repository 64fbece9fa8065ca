using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// An assessment-results upload was refused; the German message says why. Nothing was saved. The message and the
/// details are built from formats that are their resource keys (<see cref="ITranslatableMessage"/>).
/// </summary>
public sealed class AssessmentResultsImportException : Exception, ITranslatableMessage
{
    private readonly MessageText _text;

    public AssessmentResultsImportException()
        : this("Die Datei wurde nicht übernommen.")
    {
    }

    public AssessmentResultsImportException(string message)
        : this(MessageText.Of(message))
    {
    }

    public AssessmentResultsImportException(string message, Exception innerException)
        : this(MessageText.Of(message), innerException)
    {
    }

    public AssessmentResultsImportException(string message, IReadOnlyList<string> details)
        : this(MessageText.Of(message), details.Select(MessageText.Verbatim).ToList())
    {
    }

    /// <summary>A refusal with a translatable message and, optionally, the inner exception.</summary>
    public AssessmentResultsImportException(ITranslatableMessage message, Exception? innerException = null)
        : this(message, [], innerException)
    {
    }

    /// <summary>A refusal with a translatable message and individual problems.</summary>
    public AssessmentResultsImportException(ITranslatableMessage message, IReadOnlyList<ITranslatableMessage> details, Exception? innerException = null)
        : base(message is null ? null : MessageText.InGerman(message), innerException)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(details);
        _text = MessageText.From(message);
        DetailTexts = details;
        Details = [.. details.Select(MessageText.InGerman)];
    }

    /// <summary>Individual problems (e.g. schema violations, unknown requirement ids), at most a few dozen; German.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary><see cref="Details"/>, translatable.</summary>
    public IReadOnlyList<ITranslatableMessage> DetailTexts { get; }

    /// <inheritdoc />
    public string Format => _text.Format;

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _text.Arguments;
}
