namespace Grundschutz.Web.Infrastructure;

/// <summary>Bound from section "Uploads".</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Largest request body accepted by upload forms, in bytes (default 60 MB; per-file limits apply on top).</summary>
    public long MaxRequestBytes { get; set; } = 60L * 1024 * 1024;
}
