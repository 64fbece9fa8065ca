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

    // The dictionary grows through primes (… 919, 1,931, 4,049): 1,931 entries of 24 bytes stay below
    // the 85,000-byte threshold of the large object heap, 4,049 do not.
    private const int MaxPooledStrings = 1900;

    // A small direct-mapped cache in front of the dictionary, keyed by the raw bytes: the same few
    // names, namespace URIs and values come again and again, and a byte compare is cheaper than
    // decoding and hashing them each time.
    private const int CacheSize = 256;

    private readonly byte[]?[] _cachedBytes = new byte[CacheSize][];
    private readonly string?[] _cachedStrings = new string[CacheSize];
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

        var content = raw[1..^1];
        var slot = content.IsEmpty ? 0 : ((content.Length * 31) + content[0] + (content[^1] * 7) + content[content.Length / 2]) & (CacheSize - 1);
        if (_cachedBytes[slot] is { } cached && content.SequenceEqual(cached))
        {
            return _cachedStrings[slot]!;
        }

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var length = Encoding.UTF8.GetChars(content, chars);
        if (!_lookup.TryGetValue(chars[..length], out var pooled))
        {
            // Seen once: not cached yet (ids and uuids are never seen again). The dictionary stops
            // growing before its arrays would land on the large object heap (each of those costs a
            // full collection sooner or later); the frequent strings are in it long before.
            pooled = new string(chars[..length]);
            if (_strings.Count < MaxPooledStrings)
            {
                _strings.Add(pooled, pooled);
            }

            return pooled;
        }

        // First come, first kept: the frequent strings turn up early, and replacing would churn.
        if (_cachedBytes[slot] is null)
        {
            _cachedBytes[slot] = content.ToArray();
            _cachedStrings[slot] = pooled;
        }

        return pooled;
    }
}
