using Grundschutz.Infrastructure.Persistence;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Bound from section "Server": how many requests the app works on at once (<see cref="RequestGate"/>). The others wait
/// in arrival order; beyond the queue the app answers 503 at once.
/// </summary>
public sealed class RequestConcurrencyOptions
{
    public const string SectionName = "Server";

    /// <summary>Requests per processor when <see cref="MaxConcurrentRequests"/> is not set and the database is SQLite.</summary>
    public const int DefaultPerProcessor = 8;

    /// <summary>
    /// Requests worked on at once; 0: no limit. Not set: 8 per processor on SQLite (saves then reach the disk in larger
    /// groups), no limit on PostgreSQL (requests spend their waits on the database server, and the gate measured
    /// slower there – bench/README.md).
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>Requests that may wait for a free place; one more gets 503 with Retry-After.</summary>
    public int RequestQueueLimit { get; set; } = 1000;

    /// <summary>The effective limit (0 = none).</summary>
    /// <exception cref="InvalidOperationException">A value is negative; the message names the setting.</exception>
    public int EffectiveLimit(int processorCount, DatabaseProvider provider)
    {
        Validate();
        return MaxConcurrentRequests ?? (provider == DatabaseProvider.Sqlite ? DefaultPerProcessor * Math.Max(1, processorCount) : 0);
    }

    /// <summary>Checked on start, so that a wrong value stops the app before it serves anything.</summary>
    /// <exception cref="InvalidOperationException">A value is negative; the message names the setting.</exception>
    public void Validate()
    {
        if (MaxConcurrentRequests < 0)
        {
            throw new InvalidOperationException($"Server:MaxConcurrentRequests: {MaxConcurrentRequests} ist ungültig (0 = keine Begrenzung, sonst eine positive Zahl).");
        }

        if (RequestQueueLimit < 0)
        {
            throw new InvalidOperationException($"Server:RequestQueueLimit: {RequestQueueLimit} ist ungültig (0 oder eine positive Zahl).");
        }
    }
}
