using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Cli;

/// <summary>
/// <c>migrate</c>: creates and migrates the database even where the server does not migrate on start
/// (<c>Database:MigrateOnStart=false</c>, for PostgreSQL deployments that migrate before a rollout); a second run finds
/// nothing to do.
/// </summary>
public sealed class MigrateCliTests : IDisposable
{
    private readonly CliTestHost _host = new();

    [Fact]
    public async Task Migrate_NewDatabase_WithMigrateOnStartOff_AppliesEveryMigration_SecondRunNothingToDo()
    {
        var (exit, output, error) = await _host.RunAsync("migrate", "--Database:MigrateOnStart=false");

        Assert.True(exit == 0, error);
        await using var db = _host.NewContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal($"Die Datenbank ist auf dem neuesten Stand: {all.Count} Migrationen, zuletzt {all[^1]}.", output.Trim());

        (exit, output, error) = await _host.RunAsync("migrate", "--Database:MigrateOnStart=false");
        Assert.True(exit == 0, error);
        Assert.Equal($"Die Datenbank ist auf dem neuesten Stand: {all.Count} Migrationen, zuletzt {all[^1]}.", output.Trim());
    }

    [Fact]
    public async Task Migrate_WithAnArgument_IsAUsageError()
    {
        var (exit, _, error) = await _host.RunAsync("migrate", "jetzt");

        Assert.Equal(2, exit);
        Assert.Contains("Unbekannter Befehl: migrate jetzt", error, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}
