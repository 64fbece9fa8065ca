using System.Security.Cryptography;
using System.Text;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Deterministic name-based UUIDs (RFC 4122 version 5, SHA-1) for OSCAL documents: the same assessment and key
/// always give the same UUID, so a re-export changes only what really changed. OSCAL 1.1.3 accepts only version 4
/// or 5 UUIDs, so the app's own version 7 ids never appear as OSCAL uuids.
/// </summary>
public static class OscalIds
{
    /// <summary>The namespace UUID of this product's OSCAL ids (itself a fixed version 5 UUID).</summary>
    public static readonly Guid ProductNamespace = new("7c0b2b52-6f43-5b1e-9d3a-2a8a1f6a4c10");

    /// <summary>UUIDv5 of <paramref name="key"/> within the document scope of <paramref name="scope"/> (e.g. the assessment id).</summary>
    public static Guid For(Guid scope, string key) => V5(ProductNamespace, scope.ToString("D") + "/" + key);

    /// <summary>RFC 4122 §4.3 name-based UUID with SHA-1.</summary>
    public static Guid V5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ns = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[ns.Length + nameBytes.Length];
        ns.CopyTo(input, 0);
        nameBytes.CopyTo(input, ns.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5 ids; no security relies on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Lower-case canonical text of a UUID.</summary>
    public static string Text(Guid id) => id.ToString("D");
}
