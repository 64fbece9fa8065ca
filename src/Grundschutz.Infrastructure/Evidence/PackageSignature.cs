using System.Text.Json.Serialization;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>The content of manifest.sig.</summary>
/// <param name="Algorithm">Always <see cref="EvidenceKeys.Algorithm"/>.</param>
/// <param name="KeyId">Id of the signing key.</param>
/// <param name="SignedFile">Always manifest.json.</param>
/// <param name="Signature">Base64 of the IEEE P1363 signature (r‖s) over the bytes of manifest.json.</param>
public sealed record PackageSignature(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("signedFile")] string SignedFile,
    [property: JsonPropertyName("signature")] string Signature);
