using System.Globalization;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>URLs of the assessment pages (including the questionnaire, which lives in Questions/).</summary>
internal static class AssessmentLinks
{
    public const string Index = "/Assessments";

    public const string Create = "/Assessments/Create";

    public static string Overview(Guid id) => $"/Assessments/{id}";

    public static string Scope(Guid id) => $"/Assessments/{id}/Scope";

    public static string Question(Guid id, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Questions/{position}");

    public static string CatalogVersion(int versionId) =>
        string.Create(CultureInfo.InvariantCulture, $"/Catalog/Versions/{versionId}");
}
