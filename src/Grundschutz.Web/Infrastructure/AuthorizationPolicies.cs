namespace Grundschutz.Web.Infrastructure;

/// <summary>Named authorization policies.</summary>
public static class AuthorizationPolicies
{
    public const string Administrator = "Administrator";
}
