using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Grundschutz.Domain.Texts;

/// <summary>
/// A German message built from a format that is also its resource key (see <see cref="ITranslatableMessage"/>), e.g.
/// <c>MessageText.Of("Die Gruppen-ID „{0}“ kommt mehrfach vor.", id)</c>. Prints as the German message; parts of a
/// composed message (a location, a size, a reason) are passed as nested messages, so that each part is translated.
/// Survives JSON (a stored preview keeps its messages translatable).
/// </summary>
[JsonConverter(typeof(MessageTextJsonConverter))]
public sealed class MessageText : ITranslatableMessage
{
    /// <summary>The format of <see cref="Verbatim"/>: the argument as it is, never translated.</summary>
    public const string VerbatimFormat = "{0}";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private readonly object[] _arguments;

    private MessageText(string format, object[] arguments)
    {
        Format = format;
        _arguments = arguments;
    }

    /// <inheritdoc />
    public string Format { get; }

    /// <inheritdoc />
    public IReadOnlyList<object> Arguments => _arguments;

    /// <summary>The message <paramref name="format"/> (German, the resource key) filled with <paramref name="arguments"/>.</summary>
    public static MessageText Of(string format, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(arguments);
        return new(format, arguments);
    }

    /// <summary>A text shown as it is in every language (a JSON path, an id, a third-party message).</summary>
    public static MessageText Verbatim(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(VerbatimFormat, [text]);
    }

    /// <summary>The message as a <see cref="MessageText"/> (the same object when it is one).</summary>
    public static MessageText From(ITranslatableMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message as MessageText ?? new(message.Format, [.. message.Arguments]);
    }

    /// <summary>The messages one after another, separated by <paramref name="separator"/> (no letters: it is not translated).</summary>
    public static MessageText Join(string separator, IEnumerable<ITranslatableMessage> parts)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(parts);
        var arguments = parts.Cast<object>().ToArray();
        var escaped = separator.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var format = new StringBuilder();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                format.Append(escaped);
            }

            format.Append('{').Append(i.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        return new(format.ToString(), arguments);
    }

    /// <summary>The German message of <paramref name="message"/>: its format filled with its arguments, de-DE formatting.</summary>
    public static string InGerman(ITranslatableMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Arguments.Count == 0)
        {
            return message.Format;
        }

        // A nested message prints as its German text (an exception's ToString would print its stack).
        var arguments = message.Arguments.Select(a => a is ITranslatableMessage nested ? InGerman(nested) : a).ToArray();
        return string.Format(German, message.Format, arguments);
    }

    /// <summary>The German message.</summary>
    public override string ToString() => InGerman(this);
}
