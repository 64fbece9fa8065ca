using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>The outcome of <see cref="EvidencePackageVerifier"/>.</summary>
/// <param name="ProblemTexts">
/// Every problem found, each naming the file, entry, key or line, translatable (the check page shows them in the reader's
/// language); empty: intact.
/// </param>
/// <param name="KeyId">The key id named in manifest.sig, if readable.</param>
/// <param name="FileCount">Files listed in the manifest.</param>
/// <param name="TrailEntries">Lines of the answer trail checked.</param>
public sealed record PackageVerification(IReadOnlyList<MessageText> ProblemTexts, string? KeyId, int FileCount, int TrailEntries)
{
    /// <summary>The problems in German (the CLI prints them).</summary>
    public IReadOnlyList<string> Problems => [.. ProblemTexts.Select(p => p.ToString())];

    /// <summary>True when nothing was found.</summary>
    public bool IsIntact => ProblemTexts.Count == 0;

    /// <summary>A failed verification with one problem.</summary>
    public static PackageVerification Failed(MessageText problem, string? keyId = null) => new([problem], keyId, 0, 0);
}
