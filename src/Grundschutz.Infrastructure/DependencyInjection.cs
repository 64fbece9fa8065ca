using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Markdown;
using Grundschutz.Infrastructure.Municipalities;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Postgres;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Infrastructure.Workbooks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Infrastructure;

/// <summary>Registers persistence and infrastructure services.</summary>
public static class DependencyInjection
{
    public const string ConnectionStringName = "Grundschutz";

    public static IServiceCollection AddGrundschutzInfrastructure(
        this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<CatalogImportOptions>().Bind(configuration.GetSection(CatalogImportOptions.SectionName));
        services.AddSingleton(TimeProvider.System);

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider=Postgres braucht ConnectionStrings:Grundschutz (z. B. \"Host=localhost;Database=grundschutz;Username=…;Password=…\").");
                }

                var postgres = PostgresConnectionString(connectionString);
                services.AddDbContextPool<GrundschutzDbContext, PostgresGrundschutzDbContext>(o => o.UseNpgsql(postgres));
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, database, contentRootPath);
                var pragmas = new SqlitePragmaInterceptor(database.SqliteSynchronous, database.SqliteGroupCommit);
                // A singleton of the app's container, so that it is disposed (and closes the kept connections) when the app stops.
                services.AddSingleton<SqliteStatementCacheInterceptor>();
                services.AddDbContextPool<GrundschutzDbContext, SqliteGrundschutzDbContext>((provider, o) =>
                {
                    o.UseSqlite(sqlite).AddInterceptors(pragmas);
                    if (database.SqliteStatementCache)
                    {
                        o.AddInterceptors(provider.GetRequiredService<SqliteStatementCacheInterceptor>());
                    }
                });
                break;
        }

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<CatalogImportService>();
        services.AddMunicipalities(configuration);
        services.AddReports(configuration, contentRootPath);
        services.AddOscal(configuration, contentRootPath);
        services.AddWorkshopsAndWorkbooks(configuration);
        services.AddBenchmarking(configuration);
        return services;
    }

    /// <summary>
    /// The configured PostgreSQL connection string with the app's defaults for two settings it leaves out (a setting
    /// that is given, with any of Npgsql's spellings, stays as given):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: Npgsql prepares a statement on the server once it has run a few times, so
    /// PostgreSQL no longer parses and plans the questionnaire's statements on every request (Npgsql's default is 0,
    /// off). Behind a connection pooler in transaction mode without prepared-statement support set it to 0.</item>
    /// <item><c>No Reset On Close=true</c>: a pooled connection is not reset when it goes back to the pool. The reset
    /// clears session state (<c>SET</c> parameters, temporary tables, advisory locks, <c>LISTEN</c>) that the app never
    /// creates; an open transaction is rolled back on return either way.</item>
    /// </list>
    /// Measured with the save load against PostgreSQL in bench/README.md.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!keys.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!keys.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The configured connection string, or a file in the data folder; the folder is created.</summary>
    public static string SqliteConnectionString(string? configured, DatabaseOptions options, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? null : configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            var folder = Path.IsPathRooted(options.DataDirectory) ? options.DataDirectory : Path.Combine(contentRootPath, options.DataDirectory);
            builder.DataSource = Path.Combine(folder, "grundschutz.db");
        }

        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
