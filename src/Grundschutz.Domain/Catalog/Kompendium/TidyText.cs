using System.Buffers;
using System.Text;

namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// Builds whitespace-normalised text while it is appended: runs of white space become one space,
/// explicit line breaks become one '\n' (swallowing the spaces around them), nothing leads or trails.
/// Works run by run rather than char by char because it handles all the text of the Kompendium.
/// </summary>
internal struct TidyText
{
    // Every char for which char.IsWhiteSpace is true; SearchValues lets the runs be found vectorised.
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static readonly SearchValues<char> WhitespaceOtherThanSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private StringBuilder? _builder;
    private int _start;
    private bool _pendingSpace;
    private bool _pendingBreak;

    /// <summary>Builds onto the end of <paramref name="builder"/>, leaving what it holds untouched.</summary>
    public static TidyText After(StringBuilder builder) => new() { _builder = builder, _start = builder.Length };

    /// <summary>Appends text; its white space is collapsed.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        _builder ??= new StringBuilder(Math.Max(64, text.Length));
        while (!text.IsEmpty)
        {
            var gap = text.IndexOfAnyExcept(Whitespace);
            if (gap != 0)
            {
                // Spaces next to a line break are layout, not content.
                _pendingSpace |= !_pendingBreak;
                if (gap < 0)
                {
                    return;
                }

                text = text[gap..];
            }

            // Words separated by single spaces already are what the text becomes, so the whole run
            // up to the next other white space (or double space) is copied at once.
            var end = text.IndexOfAny(WhitespaceOtherThanSpace);
            var run = end < 0 ? text : text[..end];
            var doubled = run.IndexOf("  ".AsSpan());
            if (doubled >= 0)
            {
                run = run[..doubled];
            }

            if (run[^1] == ' ')
            {
                run = run[..^1];
            }

            AppendWord(run);
            text = text[run.Length..];
        }
    }

    /// <summary>Appends a line break (several in a row count as one).</summary>
    public void AppendLineBreak()
    {
        _pendingBreak = true;
        _pendingSpace = false;
    }

    /// <inheritdoc />
    public override readonly string ToString() =>
        _builder is null || _builder.Length == _start ? "" : _builder.ToString(_start, _builder.Length - _start);

    private void AppendWord(ReadOnlySpan<char> word)
    {
        var builder = _builder!;
        if (builder.Length > _start)
        {
            if (_pendingBreak)
            {
                builder.Append('\n');
            }
            else if (_pendingSpace)
            {
                builder.Append(' ');
            }
        }

        _pendingSpace = false;
        _pendingBreak = false;
        builder.Append(word);
    }
}
