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

    private StringBuilder? _builder;
    private bool _pendingSpace;
    private bool _pendingBreak;

    /// <summary>Appends text; its white space is collapsed.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        _builder ??= new StringBuilder(Math.Max(64, text.Length));
        while (!text.IsEmpty)
        {
            var word = text.IndexOfAny(Whitespace);
            if (word < 0)
            {
                word = text.Length;
            }

            if (word > 0)
            {
                AppendWord(text[..word]);
                text = text[word..];
            }

            var gap = text.IndexOfAnyExcept(Whitespace);
            if (gap != 0 && !text.IsEmpty)
            {
                // Spaces next to a line break are layout, not content.
                _pendingSpace |= !_pendingBreak;
                text = gap < 0 ? default : text[gap..];
            }
        }
    }

    /// <summary>Appends a line break (several in a row count as one).</summary>
    public void AppendLineBreak()
    {
        _pendingBreak = true;
        _pendingSpace = false;
    }

    /// <inheritdoc />
    public override readonly string ToString() => _builder is null || _builder.Length == 0 ? "" : _builder.ToString();

    private void AppendWord(ReadOnlySpan<char> word)
    {
        var builder = _builder!;
        if (builder.Length > 0)
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
