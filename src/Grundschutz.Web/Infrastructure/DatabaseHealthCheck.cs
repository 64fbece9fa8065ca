using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Readiness for a load balancer (<c>/health</c>): one query on a table of the app, so that it fails when the database
/// is unreachable, refuses the credentials or lacks the schema. The answer carries no details (they go to the log).
/// </summary>
public sealed class DatabaseHealthCheck(GrundschutzDbContext db) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await db.Roles.AsNoTracking().AnyAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
