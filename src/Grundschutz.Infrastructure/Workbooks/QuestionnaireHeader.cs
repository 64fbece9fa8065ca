using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>What the questionnaire workbook says about its assessment.</summary>
public sealed record QuestionnaireHeader(
    Guid AssessmentId,
    string AssessmentTitle,
    string MunicipalityName,
    string Ags,
    int CatalogVersionId,
    string CatalogLabel,
    CatalogFramework Framework,
    Approach Approach,
    DateTimeOffset ExportedAt);
