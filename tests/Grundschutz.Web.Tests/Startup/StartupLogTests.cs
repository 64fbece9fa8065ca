using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Startup;

/// <summary>
/// What an operator reads in the log when the app starts: on a new database (SQLite, and PostgreSQL when the tests run
/// against it) it says that it creates the database and applies every migration – and logs no error, although EF Core
/// on its own logs failed reads of a database and a history table that do not exist yet (dotnet/efcore#37328). A
/// second start on the same database creates and migrates nothing.
/// </summary>
public sealed class StartupLogTests
{
    [Fact]
    public void FirstStart_CreatesAndMigrates_WithoutErrors_SecondStart_NothingToDo()
    {
        using var first = new LoggingWebFactory();
        var (connectionString, migrations) = Database(first);

        var created = first.Log.Entries.Where(e => e.Category == typeof(DatabaseInitializer).FullName).Select(e => e.Message).ToList();
        Assert.Equal(
            ["Creating the database (it does not exist yet).", $"Applying {migrations.Count} migration(s): {string.Join(", ", migrations)}"],
            created);
        Assert.Empty(first.Log.Errors);

        using var second = new LoggingWebFactory();
        second.Settings["ConnectionStrings:Grundschutz"] = connectionString;
        var (again, _) = Database(second);

        Assert.Equal(connectionString, again);
        Assert.DoesNotContain(second.Log.Entries, e => e.Category == typeof(DatabaseInitializer).FullName);
        Assert.Empty(second.Log.Errors);
    }

    /// <summary>Starts the factory's host (creating and migrating as configured) and returns its database and migrations.</summary>
    private static (string ConnectionString, List<string> Migrations) Database(GrundschutzWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Empty(db.Database.GetPendingMigrations());
        return (db.Database.GetConnectionString()!, db.Database.GetMigrations().ToList());
    }
}
