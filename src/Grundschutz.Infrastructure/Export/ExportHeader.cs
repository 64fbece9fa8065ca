using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Export;

/// <summary>What every export says about the assessment it comes from (the „Angaben“ sheet and the file name).</summary>
/// <param name="MunicipalityName">Name of the municipality.</param>
/// <param name="Ags">Amtlicher Gemeindeschlüssel (eight digits).</param>
/// <param name="AssessmentTitle">Title of the assessment (user text).</param>
/// <param name="State">Workflow state.</param>
/// <param name="CatalogTitle">Title of the pinned catalogue.</param>
/// <param name="CatalogVersion">Version label of the pinned catalogue.</param>
/// <param name="Framework">Kompendium or Grundschutz++ (decides the status words).</param>
/// <param name="Approach">The approach (Vorgehensweise).</param>
/// <param name="ReferenceDate">The date the numbers refer to (overdue, freshness).</param>
/// <param name="ExportedAt">When the export was made (UTC).</param>
/// <param name="LastChangedAt">When an answer was last saved, if ever (UTC): the auditor records this date for A.4.</param>
public sealed record ExportHeader(
    string MunicipalityName,
    string Ags,
    string AssessmentTitle,
    AssessmentState State,
    string CatalogTitle,
    string CatalogVersion,
    CatalogFramework Framework,
    Approach Approach,
    DateOnly ReferenceDate,
    DateTimeOffset ExportedAt,
    DateTimeOffset? LastChangedAt)
{
    /// <summary>The export moment in German local time.</summary>
    public DateTime ExportedAtLocal => ExportTexts.GermanTime(ExportedAt);

    /// <summary>The date part of the file names (German local date), e.g. 2026-11-23.</summary>
    public string FileDate => ExportedAtLocal.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
