namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// The product's OSCAL property namespace and names (documented in docs/oscal.md). The namespace host is a
/// deliberately reserved <c>.invalid</c> name: the project has no domain of its own yet, and an OSCAL <c>ns</c> is an
/// identifier, not a link that must resolve.
/// </summary>
public static class OscalNames
{
    /// <summary>Namespace of every product-specific prop.</summary>
    public const string Namespace = "https://grundschutz-check.invalid/ns/oscal";

    /// <summary>The OSCAL version written.</summary>
    public const string OscalVersion = "1.1.3";

    /// <summary>Marks our assessment-results documents (value <see cref="ExportFormatVersion"/>).</summary>
    public const string ExportFormat = "export-format";

    /// <summary>Version of our props layout.</summary>
    public const string ExportFormatVersion = "grundschutz-check-ar-1";

    public const string Status = "status";
    public const string EntbehrlichReason = "entbehrlich-reason";
    public const string AssessedOn = "assessed-on";
    public const string Reifegrad = "reifegrad";
    public const string TargetObject = "target-object";
    public const string TargetObjectKind = "target-object-kind";
    public const string Module = "module";
    public const string Level = "level";
    public const string ModalVerb = "modal-verb";
    public const string Owner = "owner";
    public const string DueDate = "due-date";
    public const string CostEstimate = "cost-estimate";
    public const string Interviewees = "interviewees";
    public const string Rank = "rank";
    public const string Overdue = "overdue";
    public const string Requirement = "requirement";
    public const string Approach = "approach";
    public const string Framework = "framework";
    public const string CatalogTitle = "catalog-title";
    public const string CatalogVersion = "catalog-version";
    public const string CatalogSha256 = "catalog-sha256";
    public const string AdoptedHRequirement = "adopted-h-requirement";
    public const string ExcludedModule = "excluded-module";
    public const string AssessmentTitle = "assessment-title";
    public const string AssessmentState = "assessment-state";
    public const string Ags = "ags";
}
