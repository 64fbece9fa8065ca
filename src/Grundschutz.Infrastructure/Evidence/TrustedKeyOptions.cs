namespace Grundschutz.Infrastructure.Evidence;

/// <summary>One trusted verification key: its id and the public key as a PEM file or inline PEM.</summary>
public sealed class TrustedKeyOptions
{
    /// <summary>The key id as written in manifest.sig.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>Path of a PEM file with the public key (SubjectPublicKeyInfo).</summary>
    public string? PublicKeyPath { get; set; }

    /// <summary>The public key PEM itself (alternative to <see cref="PublicKeyPath"/>).</summary>
    public string? PublicKeyPem { get; set; }
}
