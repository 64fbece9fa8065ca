using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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
            // A database that does not exist yet is created first: asking for its migrations would try to connect to
            // it, and EF Core logs each failed attempt as an error (PostgreSQL) although nothing is wrong.
            // A new database has no migration history either: every migration is pending.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            var created = false;
            if (!await creator.ExistsAsync(cancellationToken))
            {
                logger.LogInformation("Creating the database (it does not exist yet).");
                await creator.CreateAsync(cancellationToken);
                // EF Core reads the history table before it creates it and logs the failed read as an error
                // (dotnet/efcore#37328): create it first.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                created = true;
            }

            var pending = created
                ? db.Database.GetMigrations().ToList()
                : (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
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
