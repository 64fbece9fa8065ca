using System.Globalization;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A domain rule refused an operation. The message is German and meant for the user; the
/// assessment is unchanged when this is thrown.
/// </summary>
public class AssessmentRuleException : Exception, ITranslatableMessage
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Creates the exception with a German user-facing message.</summary>
    public AssessmentRuleException(string message)
        : base(message)
    {
        Reasons = [message];
        Format = message;
    }

    /// <summary>
    /// The exception with the German message <paramref name="format"/> filled with <paramref name="arguments"/>;
    /// the format is the resource key of its translations (<see cref="Term"/> arguments are translated too).
    /// </summary>
    public static AssessmentRuleException Of(string format, params object[] arguments) =>
        new(arguments.Length == 0 ? format : string.Format(German, format, arguments)) { Format = format, Arguments = arguments };

    /// <summary>The German composite format of the message (the message itself when it has no arguments).</summary>
    public string Format { get; private init; }

    /// <summary>The arguments of <see cref="Format"/>.</summary>
    public IReadOnlyList<object> Arguments { get; private init; } = [];

    /// <summary>Creates the exception with a summary message and the individual reasons.</summary>
    public AssessmentRuleException(string message, IReadOnlyList<string> reasons)
        : base(message)
    {
        Reasons = reasons;
        Format = message;
    }

    /// <summary>Creates an empty exception (for serializers); prefer the message constructors.</summary>
    public AssessmentRuleException()
        : this("Die Aktion ist nicht möglich.")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public AssessmentRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reasons = [message];
        Format = message;
    }

    /// <summary>The individual German reasons (at least one), e.g. one per unmet guard.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
