namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>
/// The incomplete-but-saved problems of the answer just saved, carried across the redirect (TempData, JSON) so the
/// next page can show them with links back to the fields.
/// </summary>
public sealed record CarriedIssues(string RequirementId, Guid TargetObjectId, string TargetObjectName, int Position, IReadOnlyList<CarriedIssues.Issue> Issues)
{
    public const string TempDataKey = "AnswerIssues";

    public sealed record Issue(string Field, string Message);
}
