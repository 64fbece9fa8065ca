namespace Grundschutz.Domain.Texts;

/// <summary>
/// A message for the user that the pages can show in the reader's language: <see cref="Format"/> is the German
/// composite format and doubles as the resource key of its translations; the German message is it filled with
/// <see cref="Arguments"/> (de-DE formatting). Arguments that are <see cref="Assessments.Term"/>s or messages
/// themselves are translated too; everything else (names, ids, text from the user's file, a third-party
/// exception's message) is shown as it is.
/// </summary>
public interface ITranslatableMessage
{
    /// <summary>The German composite format (the message itself when it has no arguments).</summary>
    string Format { get; }

    /// <summary>The arguments of <see cref="Format"/>.</summary>
    IReadOnlyList<object> Arguments { get; }
}
