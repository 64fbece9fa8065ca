namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>Bound from section "MunicipalityImport".</summary>
public sealed class MunicipalityImportOptions
{
    public const string SectionName = "MunicipalityImport";

    /// <summary>Largest accepted GV100AD file in bytes (default 20 MB; the 2025 file has 3.4 MB). Checked before reading.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
}
