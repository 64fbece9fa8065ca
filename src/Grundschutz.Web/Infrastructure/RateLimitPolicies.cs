namespace Grundschutz.Web.Infrastructure;

/// <summary>Named rate-limit policies.</summary>
public static class RateLimitPolicies
{
    /// <summary>POSTs to the login page per client address and minute (Security:LoginAttemptsPerMinute, default 10).</summary>
    public const string Login = "login";
}
