using System.Globalization;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Assessments;

/// <summary>One problem with an answer.</summary>
/// <param name="Field">The field, one of <see cref="AnswerFields"/> (a property name of <see cref="AnswerInput"/>).</param>
/// <param name="Message">German message for the user.</param>
/// <param name="Severity">Whether saving is refused or only submitting.</param>
public sealed record AnswerValidationError(string Field, string Message, AnswerIssueSeverity Severity) : ITranslatableMessage
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The German composite format of <see cref="Message"/> – the resource key of its translations.</summary>
    public string Format { get; private init; } = Message;

    /// <summary>The arguments of <see cref="Format"/>.</summary>
    public IReadOnlyList<object> Arguments { get; private init; } = [];

    /// <summary>An error whose message is <paramref name="format"/> filled with <paramref name="arguments"/> (German).</summary>
    public static AnswerValidationError Of(string field, AnswerIssueSeverity severity, string format, params object[] arguments) =>
        new(field, arguments.Length == 0 ? format : string.Format(German, format, arguments), severity) { Format = format, Arguments = arguments };

    /// <summary>Equal when field, message and severity are (the format and arguments only restate the message).</summary>
    public bool Equals(AnswerValidationError? other) =>
        other is not null && Field == other.Field && Message == other.Message && Severity == other.Severity;

    public override int GetHashCode() => HashCode.Combine(Field, Message, Severity);
}
