namespace Grundschutz.Infrastructure.Oscal;

/// <summary>Settings of the OSCAL exchange (section <c>Oscal</c>).</summary>
public sealed class OscalOptions
{
    public const string SectionName = "Oscal";

    /// <summary>
    /// Folder with the NIST OSCAL 1.1.3 JSON schemas (<c>oscal_assessment-results_schema.json</c>,
    /// <c>oscal_poam_schema.json</c>); relative paths are taken from the content root. The schemas are not part of
    /// this repository; without them an assessment-results upload is refused.
    /// </summary>
    public string SchemaDirectory { get; set; } = "../../../shared/oscal-schemas/v1.1.3";

    /// <summary>Largest assessment-results upload in bytes; checked before parsing.</summary>
    public long MaxImportBytes { get; set; } = 20L * 1024 * 1024;
}
