using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>Everything the OSCAL writers need about one assessment (see <see cref="OscalExportLoader"/>).</summary>
/// <param name="Assessment">The aggregate with target objects, module applications and exclusions and answers.</param>
/// <param name="Report">Its numbers (pairs in questionnaire order, verdicts, Reifegrad, action plan).</param>
/// <param name="MunicipalityName">Name of the municipality.</param>
/// <param name="Ags">Amtlicher Gemeindeschlüssel.</param>
/// <param name="Catalog">The pinned catalogue version.</param>
/// <param name="Now">Export moment (metadata last-modified).</param>
public sealed record OscalExportSource(
    Assessment Assessment,
    ScoreReport Report,
    string MunicipalityName,
    string Ags,
    OscalCatalogReference Catalog,
    DateTimeOffset Now)
{
    /// <summary>„AR-…“/„POAM-…“ file name part: AGS and German local date.</summary>
    public string FileStem => $"{Ags}-{Export.ExportTexts.GermanTime(Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>„OSCAL-Assessment-Results-&lt;AGS&gt;-&lt;date&gt;.json“.</summary>
    public string AssessmentResultsFileName => $"OSCAL-Assessment-Results-{FileStem}.json";

    /// <summary>„OSCAL-POAM-&lt;AGS&gt;-&lt;date&gt;.json“.</summary>
    public string PoamFileName => $"OSCAL-POAM-{FileStem}.json";
}
