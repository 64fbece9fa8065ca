using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Cli;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grundschutz.Web.Tests.Durability;

/// <summary>
/// Backup and restore the way README „Operations“ tells an operator, for the provider the tests run on: SQLite with
/// the app's <c>backup</c> and <c>restore</c> verbs, PostgreSQL with <c>pg_dump</c> and <c>pg_restore</c> and exactly
/// the options the README gives. The backup is taken while the app runs; after it an answer is changed and a
/// municipality added; the app stops, the backup is restored, and the restarted app serves the state at backup time.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string SavedText = "Tägliche Sicherung auf Band, Auslagerung im Tresor.";

    [Fact]
    public async Task DocumentedBackupAndRestore_RestartedAppServesTheStateAtBackupTime()
    {
        var first = new GrundschutzWebFactory { KeepDatabaseOnDispose = true };
        var backupFolder = Path.Combine(Path.GetTempPath(), "grundschutz-backup-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(backupFolder);
        try
        {
            var seed = new AssessmentSeed(first);
            var (koeln, isb) = await seed.TenantAsync("05315000", "Köln");
            var assessment = await seed.Assessment(koeln, isb)
                .WithTarget("Server Rathaus", "TEC.1")
                .Answer("TEC.1.1", "Server Rathaus", AnswerStatus.Ja, adjust: a => a with { ImplementationDescription = SavedText })
                .BuildAsync();
            string connectionString;
            await using (var scope = first.Services.CreateAsyncScope())
            {
                connectionString = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Database.GetConnectionString()!;
            }

            // Backup while the app runs.
            var backup = Path.Combine(backupFolder, GrundschutzWebFactory.PostgresBase is null ? "grundschutz.db" : "grundschutz.dump");
            await BackupAsync(first, connectionString, backup);

            // Changes after the backup.
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
                Assert.Equal(1, await db.Answers.Where(a => EF.Property<Guid>(a, "AssessmentId") == assessment.Id && a.RequirementId == "TEC.1.1")
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ImplementationDescription, "Nach der Sicherung geändert.")));
            }

            await seed.MunicipalityAsync("05111000", "Düsseldorf");

            // Stop the app, restore.
            first.Dispose();
            await RestoreAsync(first, connectionString, backup);

            // Restart on the restored database.
            using var second = new GrundschutzWebFactory();
            second.Settings["ConnectionStrings:Grundschutz"] = connectionString;
            await using (var scope = second.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(["Köln"], await db.Municipalities.Select(m => m.Name).ToListAsync());
            }

            var client = await new AssessmentSeed(second).SignInAsync(isb);
            var page = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}/Questions/0");
            Assert.Contains("TEC.1.1", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            var text = (IHtmlTextAreaElement)page.GetElementById("Input_ImplementationDescription")!;
            Assert.Equal(SavedText, text.Value);
        }
        finally
        {
            first.Dispose();
            first.DeleteDatabase();
            Directory.Delete(backupFolder, recursive: true);
        }
    }

    private static async Task BackupAsync(GrundschutzWebFactory factory, string connectionString, string backup)
    {
        if (GrundschutzWebFactory.PostgresBase is null)
        {
            await RunVerbAsync(factory, "backup", backup);
            return;
        }

        await PostgresTools.RunSucceedingAsync("pg_dump", [.. PostgresTools.DocumentedOptions("pg_dump"), $"--file={backup}", $"--dbname={PostgresTools.Libpq(connectionString)}"], connectionString);
    }

    private static async Task RestoreAsync(GrundschutzWebFactory factory, string connectionString, string backup)
    {
        if (GrundschutzWebFactory.PostgresBase is null)
        {
            await RunVerbAsync(factory, "restore", backup);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await PostgresTools.RunSucceedingAsync("pg_restore", [.. PostgresTools.DocumentedOptions("pg_restore"), $"--dbname={PostgresTools.Libpq(connectionString)}", backup], connectionString);
    }

    /// <summary>The app's CLI verb, in-process, on the factory's SQLite file.</summary>
    private static async Task RunVerbAsync(GrundschutzWebFactory factory, string verb, string file)
    {
        string[] args = [verb, file, $"--ConnectionStrings:Grundschutz=Data Source={factory.DatabasePath}", "--Database:Provider=Sqlite"];
        Assert.True(CliArguments.TryParse(args, out var cli));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.True(await CliRunner.RunAsync(cli, stdout, stderr) == 0, $"{verb}: {stderr}");
    }
}
