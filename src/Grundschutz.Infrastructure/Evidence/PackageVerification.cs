namespace Grundschutz.Infrastructure.Evidence;

/// <summary>The outcome of <see cref="EvidencePackageVerifier"/>.</summary>
/// <param name="Problems">Every problem found, each naming the file, entry, key or line (German); empty: intact.</param>
/// <param name="KeyId">The key id named in manifest.sig, if readable.</param>
/// <param name="FileCount">Files listed in the manifest.</param>
/// <param name="TrailEntries">Lines of the answer trail checked.</param>
public sealed record PackageVerification(IReadOnlyList<string> Problems, string? KeyId, int FileCount, int TrailEntries)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsIntact => Problems.Count == 0;

    /// <summary>A failed verification with one problem.</summary>
    public static PackageVerification Failed(string problem, string? keyId = null) => new([problem], keyId, 0, 0);
}
