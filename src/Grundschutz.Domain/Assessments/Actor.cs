namespace Grundschutz.Domain.Assessments;

/// <summary>The user acting on an assessment, with the roles that decide what they may do.</summary>
/// <param name="UserId">Stable user id (as stored in history and transitions).</param>
/// <param name="Roles">Role names, see <see cref="AssessmentRoles"/>.</param>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles)
{
    /// <summary>True when the actor holds <paramref name="role"/>.</summary>
    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>True for the ISB role.</summary>
    public bool IsIsb => HasRole(AssessmentRoles.Isb);

    /// <summary>True for the Auditor role.</summary>
    public bool IsAuditor => HasRole(AssessmentRoles.Auditor);
}
