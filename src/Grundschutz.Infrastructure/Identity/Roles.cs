namespace Grundschutz.Infrastructure.Identity;

/// <summary>The application roles.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Isb = "ISB";
    public const string Contributor = "Contributor";
    public const string Auditor = "Auditor";
    public const string Facilitator = "Facilitator";

    public static readonly IReadOnlyList<string> All = [Administrator, Isb, Contributor, Auditor, Facilitator];
}
