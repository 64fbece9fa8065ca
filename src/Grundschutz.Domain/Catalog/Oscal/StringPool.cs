using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Grundschutz.Domain.Catalog.Oscal;

/// <summary>
/// Shares the short strings a catalogue repeats thousands of times (prop names, namespace URIs,
/// values such as "normal-SdT") for the duration of one read. Looking them up from the raw UTF-8
/// bytes avoids allocating a new string per occurrence, which is most of the reader's garbage.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledBytes = 160;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The string value of <paramref name="value"/> (which must be a JSON string), shared when short.</summary>
    public string Get(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        // Raw includes the quotes; escaped content needs the real unescaping of GetString.
        if (raw.Length - 2 > MaxPooledBytes || raw.IndexOf((byte)'\\') >= 0)
        {
            return value.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var length = Encoding.UTF8.GetChars(raw[1..^1], chars);
        if (_lookup.TryGetValue(chars[..length], out var pooled))
        {
            return pooled;
        }

        var created = new string(chars[..length]);
        _strings.Add(created, created);
        return created;
    }
}
