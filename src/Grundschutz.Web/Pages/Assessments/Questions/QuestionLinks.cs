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

    /// <summary>
    /// A handler of the question page (the forms' actions, built here rather than by the form tag helper's link
    /// generation, which cost ≈ 1.5 % of the CPU of a save-and-next under load).
    /// </summary>
    public static string Handler(Guid id, int position, string handler) =>
        string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Questions/{position}?handler={Uri.EscapeDataString(handler)}");

    /// <summary>The handler that removes an evidence file (<see cref="Handler"/>).</summary>
    public static string DeleteEvidence(Guid id, int position, Guid evidenceId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Handler(id, position, "DeleteEvidence")}&evidenceId={evidenceId}");

    public static string Evidence(Guid id, Guid evidenceId) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{id}/Evidence/{evidenceId}");
}
