using System.Globalization;
using System.Text;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Text a client sent, made safe for one log line. The console log (journald, a log shipper) splits at line breaks,
/// so a user name like „x⏎warn: Security: admin signed in“ on the login form would otherwise forge a log entry;
/// the form keeps line breaks (PlainTextModelBinder). Line breaks and other control characters are written as escapes.
/// </summary>
public static class LogText
{
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Any(NeedsEscape))
        {
            return value ?? "";
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\r' => text.Append("\\r"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when NeedsEscape(c) => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
