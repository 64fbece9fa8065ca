namespace Grundschutz.Infrastructure.Files;

/// <summary>Bound from section "Evidence": where evidence files (Nachweise) are stored and what is accepted.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>
    /// Folder of the stored files, absolute or relative to the content root (default App_Data/evidence). Use a
    /// shared folder when several instances run.
    /// </summary>
    public string Directory { get; set; } = Path.Combine("App_Data", "evidence");

    /// <summary>Largest accepted file in bytes (default 20 MB). Checked from the declared length before reading and again while reading.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Accepted file extensions (lower case, with dot). Each one also needs a matching content sniff in <see cref="EvidenceStore"/>.</summary>
    public IList<string> AllowedExtensions { get; set; } = [];

    /// <summary>The extensions used when <see cref="AllowedExtensions"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } =
        [".pdf", ".png", ".jpg", ".jpeg", ".txt", ".csv", ".docx", ".xlsx", ".odt", ".ods"];

    /// <summary>The configured extensions, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> EffectiveExtensions =>
        AllowedExtensions.Count == 0
            ? DefaultExtensions
            : AllowedExtensions.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Select(e => e.StartsWith('.') ? e : "." + e).Distinct(StringComparer.Ordinal).ToList();
}
