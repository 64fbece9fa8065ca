namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Signing settings of the evidence package, bound from section "Evidence" (the same section as the evidence
/// store). See docs/evidence.md for key creation and rotation.
/// </summary>
public sealed class EvidenceSigningOptions
{
    public const string SectionName = "Evidence";

    /// <summary>PEM file with the ECDSA P-256 private key (PKCS#8) that signs manifest.json. Never commit it.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>Key id written into manifest.sig; default: "p256-" + the first 16 hex digits of the public key's SHA-256.</summary>
    public string? KeyId { get; set; }

    /// <summary>Further public keys accepted when verifying (e.g. retired signing keys after a rotation).</summary>
    public IList<TrustedKeyOptions> TrustedPublicKeys { get; set; } = [];

    /// <summary>
    /// Without <see cref="SigningKeyPath"/>: generate a key under App_Data/evidence-signing (default: only in
    /// Development). The UI and the log say so: such a key is not meant for real packages.
    /// </summary>
    public bool? GenerateDevelopmentKey { get; set; }

    /// <summary>
    /// Largest package accepted by the upload page, default 50 MB (within the server's request limit
    /// Uploads:MaxRequestBytes); larger packages are verified with the CLI.
    /// </summary>
    public long MaxVerifyBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest total of uncompressed bytes read while verifying (zip bombs), default 4 GB.</summary>
    public long MaxVerifyUncompressedBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Most entries accepted in a package, default 100,000.</summary>
    public int MaxVerifyEntries { get; set; } = 100_000;
}
