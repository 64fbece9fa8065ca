using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Persistence;

/// <summary>Applies migrations and switches SQLite to WAL (readers never block the writer).</summary>
public sealed class DatabaseInitializer(GrundschutzDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        if (provider == DatabaseProvider.Sqlite || options.Value.MigrateOnStart)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            }

            await db.Database.MigrateAsync(cancellationToken);
            await Evidence.AnswerChainBackfill.RunAsync(db, logger, cancellationToken);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
