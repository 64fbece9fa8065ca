using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Evidence;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Evidence package of the big benchmark assessment: the Kompendium 2023 imported into a fresh SQLite database, every
/// module applied to 40 target objects (the same scope as the report benchmark, every pair answered: ja 60 %,
/// teilweise 10 %, nein 20 %, entbehrlich 10 %; fixed seed), 200 evidence files of 256 KB (50 distinct contents),
/// an A.0.1 Leitlinie, then submitted, reviewed and approved. Times loading + writing the whole package (ZIP into a
/// temporary file, as the download does; the trail is streamed and its chains checked while writing) once cold and N
/// times warm (default 3), and verifying it once.
/// </summary>
public static class EvidencePackageBench
{
    private const int Targets = 40;
    private const int EvidenceFiles = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var dir = Path.Combine(Path.GetTempPath(), "grundschutz-package-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var (keyPath, _, _) = EvidenceKeys.WriteFiles(dir, "bench-key");
        // GRUNDSCHUTZ_LOAD_POSTGRES: against a PostgreSQL database of its own instead of a SQLite file (BenchDatabase).
        await using var database = BenchDatabase.Create(dir, "bench.db", "gs_package_");
        var app = GrundschutzApp.Build(
        [
            .. BenchData.ReportFolders,
            .. database.Settings,
            "--Startup:DemoData=false",
            $"--CatalogImport:ImportOnStart:0={BenchData.Kompendium}",
            $"--DataProtection:KeysDirectory={Path.Combine(dir, "keys")}",
            $"--Evidence:Directory={Path.Combine(dir, "evidence")}",
            $"--Evidence:SigningKeyPath={keyPath}",
            "--Evidence:KeyId=bench",
            "--Logging:LogLevel:Default=Warning",
            "--environment=Production",
        ]);
        await GrundschutzApp.InitializeAsync(app);
        try
        {
            var setup = Stopwatch.StartNew();
            var (id, pairs, changes) = await SeedAsync(app.Services);
            Console.WriteLine($"Seeded and approved a Kompendium assessment: {pairs:N0} pairs, {changes:N0} history entries, {EvidenceFiles} evidence files, in {setup.Elapsed.TotalSeconds:0.0} s.");

            // The seeding aggregate is gone: compact, so the figures below are the package's and not the seed's.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            Console.WriteLine($"After seeding (compacted): managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024:0} MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024:0} MB");
            using var memory = new MemorySampler();

            var times = new List<double>();
            long size = 0;
            var zip = Path.Combine(dir, "paket.zip");
            for (var run = 0; run <= runs; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<GrundschutzDbContext>();
                memory.Reset();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                var data = await EvidencePackageLoader.LoadAsync(
                    db, services.GetRequiredService<CatalogContextCache>(), services.GetRequiredService<CatalogFactsCache>(), db.Assessments, id,
                    services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
                var loaded = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                await using (var file = new FileStream(zip, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await services.GetRequiredService<EvidencePackageWriter>().WriteAsync(data!, file, CancellationToken.None);
                    size = file.Length;
                }

                var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                Console.WriteLine($"  run {run} ({(run == 0 ? "cold" : "warm")}): {total / 1000:0.00} s (loading without history {loaded / 1000:0.00} s), {size / 1024.0 / 1024:0.0} MB; " +
                    $"peak managed heap {memory.PeakHeap / 1024.0 / 1024:0} MB, peak working set {memory.PeakWorkingSet / 1024.0 / 1024:0} MB (sampled every 20 ms), allocated {allocated / 1024.0 / 1024:0} MB");
                if (run > 0)
                {
                    times.Add(total);
                }
            }

            memory.Reset();
            var verifyStarted = Stopwatch.GetTimestamp();
            PackageVerification result;
            await using (var file = File.OpenRead(zip))
            {
                result = await app.Services.GetRequiredService<EvidencePackageVerifier>().VerifyAsync(file, CancellationToken.None);
            }

            Console.WriteLine($"Package ({size / 1024.0 / 1024:0.0} MB, {result.FileCount} files, {result.TrailEntries:N0} trail entries): warm median {Median(times) / 1000:0.00} s; verify {Stopwatch.GetElapsedTime(verifyStarted).TotalSeconds:0.00} s, {(result.IsIntact ? "intakt" : "NOT intact: " + string.Join("; ", result.Problems))}");
            Console.WriteLine($"Peak working set while writing packages (sampled): {memory.MaxPeakWorkingSet / 1024.0 / 1024:0} MB; peak managed heap {memory.MaxPeakHeap / 1024.0 / 1024:0} MB");
            Console.WriteLine($"Peak working set of the process (including seeding): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:0} MB");
            return result.IsIntact ? 0 : 1;
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

    private static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static async Task<(Guid Id, int Pairs, int Changes)> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var municipality = new Municipality { Population = 120_000, Type = MunicipalityType.Stadt, CreatedAt = now, UpdatedAt = now };
        municipality.SetAgs(Ags.Parse("05315000"));
        municipality.SetName("Benchstadt");
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();

        var versionId = await db.CatalogVersions.Where(v => v.Framework == CatalogFramework.ItGrundschutz).Select(v => v.Id).FirstAsync();
        var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
        var isb = new Actor("bench-isb", new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
        var auditor = new Actor("bench-auditor", new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Auditor });
        var assessment = Assessment.Create(municipality.Id, versionId, CatalogFramework.ItGrundschutz, Approach.Standard, "IT-Grundschutz-Check 2026 (Benchmark)", isb.UserId, now);
        var targets = Enumerable.Range(1, Targets).Select(t => assessment.AddTargetObject($"Zielobjekt {t:00}", "IT-System")).ToList();
        foreach (var group in catalog.GroupOrder.Where(g => catalog.InGroup(g).Any(r => !r.Withdrawn)))
        {
            foreach (var target in targets)
            {
                assessment.ApplyModule(group, target.Id);
            }
        }

        foreach (var requirement in catalog.Requirements.Where(r => r.Level == RequirementLevel.Hoch && !r.Withdrawn))
        {
            assessment.AdoptHRequirement(requirement);
        }

        assessment.Fire(AssessmentTrigger.StartAnswering, isb, null, now, catalog);
        var random = new Random(20261123);
        var questions = assessment.ApplicableQuestions(catalog);
        foreach (var question in questions)
        {
            var roll = random.Next(100);
            var status = roll switch
            {
                < 60 => AnswerStatus.Ja,
                < 70 => AnswerStatus.Teilweise,
                < 90 => AnswerStatus.Nein,
                _ => AnswerStatus.Entbehrlich,
            };
            var unmet = status is AnswerStatus.Teilweise or AnswerStatus.Nein;
            var input = new AnswerInput(
                question.RequirementId,
                question.TargetObjectId,
                status,
                EntbehrlichReason: status == AnswerStatus.Entbehrlich ? EntbehrlichReason.NotRelevant : null,
                Justification: status == AnswerStatus.Ja ? null : "Begründung (Benchmark)",
                ImplementationDescription: "Beschreibung der Umsetzung (Benchmark)",
                Owner: unmet ? "IT-Leitung" : null,
                DueDate: unmet ? today.AddDays(random.Next(1, 365)) : null,
                CostEstimate: unmet ? random.Next(0, 5000) : null,
                AssessedOn: today.AddDays(-random.Next(0, 300)));
            assessment.RecordAnswer(input, 0, isb, now, catalog.Find(question.RequirementId)!, today);
        }

        var contents = new List<StoredEvidence>();
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[256 * 1024];
            random.NextBytes(bytes);
            "%PDF-1.4\n"u8.CopyTo(bytes);
            contents.Add(await store.SaveAsync($"Nachweis-{i:00}.pdf", bytes.Length, () => new MemoryStream(bytes), CancellationToken.None));
        }

        for (var i = 0; i < EvidenceFiles; i++)
        {
            var question = questions[i * (questions.Count / EvidenceFiles)];
            var stored = contents[i % contents.Count];
            assessment.AttachEvidence(catalog.Find(question.RequirementId)!, question.TargetObjectId, stored.FileName, stored.StorageKey, stored.SizeBytes, stored.ContentType, isb, now);
        }

        assessment.Fire(AssessmentTrigger.Submit, isb, null, now, catalog);
        assessment.Fire(AssessmentTrigger.StartReview, auditor, null, now, catalog);
        assessment.Fire(AssessmentTrigger.Approve, auditor, "Freigegeben (Benchmark)", now, catalog);

        var leitlinie = await store.SaveAsync("Leitlinie.pdf", 9, () => new MemoryStream("%PDF-1.4\n"u8.ToArray()), CancellationToken.None);
        db.PolicyDocuments.Add(PolicyDocument.Create(
            municipality.Id,
            new PolicyMetadata("A.0.1", "Leitlinie zur Informationssicherheit", "ISB", "1.0", today.AddMonths(-6), "Oberbürgermeisterin", today.AddMonths(6), null),
            leitlinie.FileName, leitlinie.ContentType, leitlinie.SizeBytes, leitlinie.StorageKey, isb.UserId, now.AddDays(-1)));
        db.Assessments.Add(assessment);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync();
        return (assessment.Id, questions.Count, assessment.Answers.Sum(a => a.History.Count));
    }
}

/// <summary>Samples the process working set and the managed heap every 20 ms; peaks since the last <see cref="Reset"/> and overall.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Process _process = Process.GetCurrentProcess();
    private long _peakWorkingSet;
    private long _peakHeap;

    public MemorySampler() => _timer = new Timer(_ => Sample(), null, 0, 20);

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public long MaxPeakWorkingSet { get; private set; }

    public long MaxPeakHeap { get; private set; }

    public void Reset()
    {
        Sample();
        MaxPeakWorkingSet = Math.Max(MaxPeakWorkingSet, PeakWorkingSet);
        MaxPeakHeap = Math.Max(MaxPeakHeap, PeakHeap);
        Interlocked.Exchange(ref _peakWorkingSet, 0);
        Interlocked.Exchange(ref _peakHeap, 0);
    }

    public void Dispose()
    {
        _timer.Dispose();
        Reset();
        _process.Dispose();
    }

    private void Sample()
    {
        lock (_process)
        {
            _process.Refresh();
            Max(ref _peakWorkingSet, _process.WorkingSet64);
            Max(ref _peakHeap, GC.GetTotalMemory(false));
        }
    }

    private static void Max(ref long field, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref field)) && Interlocked.CompareExchange(ref field, value, seen) != seen)
        {
        }
    }
}
