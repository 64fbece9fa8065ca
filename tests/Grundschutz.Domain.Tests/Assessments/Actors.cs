using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Tests.Assessments;

/// <summary>The users the assessment tests act as.</summary>
internal static class Actors
{
    public static Actor Isb { get; } = Make("isb", AssessmentRoles.Isb);

    public static Actor Auditor { get; } = Make("auditor", AssessmentRoles.Auditor);

    public static Actor Contributor { get; } = Make("contrib", AssessmentRoles.Contributor);

    public static Actor Administrator { get; } = Make("admin", AssessmentRoles.Administrator);

    /// <summary>Holds every role but never answers in the builders, so every guard about roles and four eyes passes.</summary>
    public static Actor Chief { get; } = Make(
        "chief",
        AssessmentRoles.Isb,
        AssessmentRoles.Auditor,
        AssessmentRoles.Administrator,
        AssessmentRoles.Contributor,
        AssessmentRoles.Facilitator);

    public static Actor Make(string userId, params string[] roles) => new(userId, new HashSet<string>(roles, StringComparer.Ordinal));
}
