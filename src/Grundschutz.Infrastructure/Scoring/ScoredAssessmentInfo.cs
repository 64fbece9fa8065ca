using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Scoring;

/// <summary>What a report says about the assessment itself (header facts), next to its numbers.</summary>
/// <param name="Id">The assessment.</param>
/// <param name="Title">Its title (user text).</param>
/// <param name="MunicipalityId">The municipality.</param>
/// <param name="MunicipalityName">The municipality's name.</param>
/// <param name="CatalogVersionId">The pinned catalogue version.</param>
/// <param name="CatalogTitle">Title of the catalogue.</param>
/// <param name="CatalogVersion">Version label of the catalogue.</param>
/// <param name="Framework">Kompendium or Grundschutz++.</param>
/// <param name="Approach">The approach (Vorgehensweise).</param>
/// <param name="State">Workflow state.</param>
/// <param name="ScoredOn">The reference date of the numbers (today for the current one; the approval date for a previous one).</param>
public sealed record ScoredAssessmentInfo(
    Guid Id,
    string Title,
    int MunicipalityId,
    string MunicipalityName,
    int CatalogVersionId,
    string CatalogTitle,
    string CatalogVersion,
    CatalogFramework Framework,
    Approach Approach,
    AssessmentState State,
    DateOnly ScoredOn)
{
    /// <summary>True for a Grundschutz++ catalogue.</summary>
    public bool IsGrundschutzPlusPlus => Framework == CatalogFramework.GrundschutzPlusPlus;

    /// <summary>The language of the catalogue's texts (BCP 47): the report marks titles from the catalogue with it.</summary>
    public string TextLanguage { get; init; } = CatalogLanguage.German;
}
