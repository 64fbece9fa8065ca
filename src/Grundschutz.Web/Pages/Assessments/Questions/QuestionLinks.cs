using System.Globalization;

namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>URLs of the questionnaire and the pages it links to.</summary>
internal static class QuestionLinks
{
    /// <summary>The assessment overview (owned by the overview page).</summary>
    public static string Overview(Guid id) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}");

    /// <summary>Resumes at the first open question (or the last answered one).</summary>
    public static string Questions(Guid id) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Questions");

    public static string Question(Guid id, int position) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Questions/{position}");

    public static string Evidence(Guid id, Guid evidenceId) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Evidence/{evidenceId}");
}
