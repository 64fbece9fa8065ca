namespace Grundschutz.Domain.Assessments;

/// <summary>The role names the assessment rules know (the same names as the Identity roles).</summary>
public static class AssessmentRoles
{
    /// <summary>System administrator.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Informationssicherheitsbeauftragte(r): owns the assessment, answers everything, submits.</summary>
    public const string Isb = "ISB";

    /// <summary>Answers the modules assigned to them.</summary>
    public const string Contributor = "Contributor";

    /// <summary>Reviews, returns and approves (four-eyes principle).</summary>
    public const string Auditor = "Auditor";

    /// <summary>Runs workshops.</summary>
    public const string Facilitator = "Facilitator";
}
