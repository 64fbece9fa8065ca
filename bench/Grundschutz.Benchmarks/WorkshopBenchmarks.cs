using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Export.Excel;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.Infrastructure.Workbooks;
using Grundschutz.Infrastructure.Workshops;
using Grundschutz.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Workshop summary and questionnaire round trip on a full Kompendium assessment (the seed of
/// <see cref="ReportBenchmarks"/>: every module on 40 target objects, every H requirement adopted, 73,400 pairs). In
/// process against a fresh SQLite database with the real migrations; wall-clock times of N runs (default 5), median
/// and max: the workshop summary (load, score the selected modules, common gaps) and its workbook; the questionnaire
/// export; reading and checking the unchanged export (73,400 rows, no change); and an upload that turns every „nein“
/// into „ja“ (about 11,000 changes) checked into a preview and confirmed in one transaction.
/// </summary>
public static class WorkshopBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var dir = Path.Combine(Path.GetTempPath(), "grundschutz-workshop-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // GRUNDSCHUTZ_LOAD_POSTGRES: against a PostgreSQL database of its own instead of a SQLite file (BenchDatabase).
        await using var database = BenchDatabase.Create(dir, "bench.db", "gs_workshop_");
        var app = GrundschutzApp.Build(
        [
            .. BenchData.ReportFolders,
            .. database.Settings,
            "--Startup:DemoData=false",
            $"--CatalogImport:ImportOnStart:0={BenchData.Kompendium}",
            $"--DataProtection:KeysDirectory={Path.Combine(dir, "keys")}",
            "--Logging:LogLevel:Default=Warning",
            "--environment=Production",
        ]);
        await GrundschutzApp.InitializeAsync(app);
        try
        {
            var setup = Stopwatch.StartNew();
            var (assessmentId, pairs) = await ReportBenchmarks.SeedAsync(app.Services);
            Console.WriteLine($"Seeded a Kompendium assessment with {pairs:N0} pairs in {setup.Elapsed.TotalSeconds:0.0} s.");
            var (workshopId, facilitatorId, isb) = await WorkshopAsync(app.Services, assessmentId);

            var summary = await TimeAsync("Workshop summary (all modules, 1 full participant)", runs, async services =>
                (await services.GetRequiredService<WorkshopSummaryService>().SummarizeAsync(workshopId, facilitatorId, CancellationToken.None))!, app.Services);
            await TimeAsync("Summary workbook (write)", runs, _ =>
            {
                using var output = new MemoryStream();
                WorkshopSummaryWorkbook.Write(output, summary);
                return Task.FromResult(output.Length);
            }, app.Services);

            var file = await TimeAsync($"Questionnaire export ({pairs:N0} rows)", runs, services =>
                services.GetRequiredService<AnswerWorkbookService>().ExportAsync(services.GetRequiredService<GrundschutzDbContext>().Assessments, assessmentId, CancellationToken.None)!, app.Services);
            Console.WriteLine($"  file size {file!.Content.Length / 1024.0 / 1024.0:0.0} MB");

            var unchanged = await TimeAsync("Upload check, unchanged export (read + validate all rows + store preview)", runs, services =>
                CheckAsync(services, assessmentId, isb, file.Content), app.Services);
            Console.WriteLine($"  {unchanged.RowsRead:N0} rows, {unchanged.Changes.Count} changes, {unchanged.Unchanged:N0} unchanged, {unchanged.Errors.Count} errors");

            var (edited, editedCells) = NeinToJa(file.Content);
            Console.WriteLine($"Edited workbook: {editedCells:N0} status cells „nein“ → „ja“");
            var timer = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var preview = await CheckAsync(scope.ServiceProvider, assessmentId, isb, edited);
                var checkedIn = timer.Elapsed;
                Console.WriteLine($"Upload check with changes: {checkedIn.TotalMilliseconds:0} ms ({preview.Changes.Count:N0} changes, {preview.Errors.Count} errors, {preview.Conflicts.Count} conflicts)");
                var workbooks = scope.ServiceProvider.GetRequiredService<AnswerWorkbookService>();
                var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
                var token = await db.PendingWorkbookImports.Where(p => p.AssessmentId == assessmentId).Select(p => p.Token).SingleAsync();
                timer.Restart();
                var aggregate = await AnswerWorkbookService.ForConfirm(db.Assessments).SingleAsync(a => a.Id == assessmentId);
                var loaded = timer.Elapsed;
                var changed = await workbooks.ConfirmAsync(aggregate, token, isb, CancellationToken.None);
                Console.WriteLine($"Confirm (load aggregate + {changed:N0} × RecordAnswer + one transaction): {timer.Elapsed.TotalMilliseconds:0} ms, of which loading the tracked aggregate (without history) {loaded.TotalMilliseconds:0} ms");
            }

            return 0;
        }
        finally
        {
            await app.DisposeAsync();
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static async Task<T> TimeAsync<T>(string name, int runs, Func<IServiceProvider, Task<T>> action, IServiceProvider root)
    {
        var times = new List<double>();
        T result = default!;
        for (var i = 0; i < runs + 1; i++)
        {
            await using var scope = root.CreateAsyncScope();
            var timer = Stopwatch.StartNew();
            result = await action(scope.ServiceProvider);
            if (i > 0)
            {
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"{name}: median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms ({runs} runs after 1 warm-up)");
        return result;
    }

    private static async Task<AnswerWorkbookPreview> CheckAsync(IServiceProvider services, Guid assessmentId, Actor isb, byte[] content)
    {
        var db = services.GetRequiredService<GrundschutzDbContext>();
        var assessment = await AnswerWorkbookService.ForCheck(db.Assessments).SingleAsync(a => a.Id == assessmentId);
        using var stream = new MemoryStream(content);
        return (await services.GetRequiredService<AnswerWorkbookService>().CheckAsync(assessment, stream, "bench.xlsx", isb, CancellationToken.None)).Preview;
    }

    private static async Task<(Guid WorkshopId, string FacilitatorId, Actor Isb)> WorkshopAsync(IServiceProvider services, Guid assessmentId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == assessmentId);
        var facilitator = new ApplicationUser { UserName = "bench-moderation", DisplayName = "Bench Moderation" };
        db.Users.Add(facilitator);
        var now = TimeProvider.System.GetUtcNow();
        var workshop = new Workshop
        {
            Id = Guid.NewGuid(),
            Topic = "Benchmark",
            Date = DateOnly.FromDateTime(now.UtcDateTime),
            CatalogVersionId = assessment.CatalogVersionId,
            FacilitatorUserId = facilitator.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        workshop.Participants.Add(new WorkshopParticipant { WorkshopId = workshop.Id, MunicipalityId = assessment.MunicipalityId, ConsentedAt = now });
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return (workshop.Id, facilitator.Id, new Actor(assessment.CreatedByUserId, new HashSet<string>(StringComparer.Ordinal) { Roles.Isb }));
    }

    /// <summary>
    /// The export with every status cell „nein“ turned into „ja“: the questions sheet is parsed as XML (whatever
    /// namespace prefix the writer used), every cell of the status column whose text is „nein“ gets „ja“, and the
    /// package is written again. Returns the edited file and the number of cells changed.
    /// </summary>
    private static (byte[] Content, int Edited) NeinToJa(byte[] xlsx)
    {
        var statusLetter = ((char)('A' + QuestionnaireFormat.StatusColumn - 1)).ToString();
        var edited = 0;
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
                {
                    var document = XDocument.Load(from);
                    foreach (var cell in document.Descendants().Where(e => e.Name.LocalName == "c"))
                    {
                        var reference = (string?)cell.Attribute("r") ?? "";
                        if (reference.Length <= statusLetter.Length || !reference.StartsWith(statusLetter, StringComparison.Ordinal)
                            || !char.IsAsciiDigit(reference[statusLetter.Length]) || reference == statusLetter + "1")
                        {
                            continue;
                        }

                        foreach (var text in cell.Descendants().Where(e => e.Name.LocalName == "t" && e.Value == "nein"))
                        {
                            text.Value = "ja";
                            edited++;
                        }
                    }

                    document.Save(to, SaveOptions.DisableFormatting);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return (output.ToArray(), edited);
    }
}
