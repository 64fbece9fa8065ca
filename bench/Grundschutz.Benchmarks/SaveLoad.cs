using System.Diagnostics;
using System.Globalization;
using System.Net;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Web;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Answer-saving load: starts the real app on Kestrel (127.0.0.1, random port, SQLite file, Production), creates
/// <c>users</c> ISBs (default 50), each with an assessment of its own on the demo catalogue (10 target objects, every
/// module, 150 questions), signs them in through the login form and lets all of them loop at once:
/// POST "Speichern und weiter" (anti-forgery token, hidden version, status ja, a new description) → follow the
/// redirect to the next question (GET, the next form). Latency of the save POST (p50/p95/p99), errors and throughput
/// are measured over <c>seconds</c> (default 20) after a warm-up; then the same users request a bare Razor page of the
/// same host (<c>/Status/200</c>: layout, localisation, authentication, no database) for the same time, for the
/// throughput comparison. Targets: p95 save-and-next ≤ 100 ms (the POST and the following GET of the next question,
/// as a user waits for them), no errors, throughput (requests/s) ≥ 50 % of the bare page. The save POST alone is
/// reported too. With <c>GRUNDSCHUTZ_LOAD_PAGE=1</c> a last phase measures the question page alone (GET only), which
/// bounds the ratio any save could reach.
/// </summary>
public static class SaveLoad
{
    private const string Password = "Bench-Passwort-2026";
    private const int Targets = 10;

    /// <summary>
    /// Numbers the implementation texts over all phases, so every save changes its answer. (Until the tenth session the
    /// number restarted with each phase and could meet the text the warm-up had left on a question: such a save changed
    /// nothing and wrote nothing – in one run a quarter of all saves, shown by the commit count.)
    /// </summary>
    private static long textNumber;

    public static async Task<int> RunAsync(string[] args)
    {
        var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var synchronous = args.Length > 2 ? args[2] : null;
        var dir = Path.Combine(Path.GetTempPath(), "grundschutz-save-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // GRUNDSCHUTZ_LOAD_POSTGRES: run against a PostgreSQL database of its own instead of a SQLite file (BenchDatabase).
        await using var database = BenchDatabase.Create(dir, "load.db", "gs_load_");
        List<string> settings =
        [
            "--urls=http://127.0.0.1:0",
            .. BenchData.ReportFolders,
            .. database.Settings,
            "--Startup:DemoData=false",
            $"--CatalogImport:ImportOnStart:0={Path.Combine(BenchData.RepositoryRoot, "catalog", "demo-katalog.json")}",
            $"--DataProtection:KeysDirectory={Path.Combine(dir, "keys")}",
            "--Security:LoginAttemptsPerMinute=100000",
            "--Logging:LogLevel:Default=Warning",
            "--environment=Production",
        ];
        if (Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_SQL") == "1")
        {
            settings.Add("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        }

        if (synchronous is not null)
        {
            settings.Add($"--Database:SqliteSynchronous={synchronous}");
        }

        var app = GrundschutzApp.Build([.. settings]);
        await GrundschutzApp.InitializeAsync(app);
        await app.StartAsync();
        try
        {
            var (assessments, questions) = await SeedAsync(app.Services, users);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var clients = new List<(HttpClient Client, Guid Assessment)>();
            for (var u = 0; u < users; u++)
            {
                var client = new HttpClient(new CookieJarHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = address };
                await LoginAsync(client, UserName(u));
                clients.Add((client, assessments[u]));
            }

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
                if (database.IsPostgres)
                {
                    Console.WriteLine($"{await BenchDatabase.DescribePostgresAsync(db)} on this machine; {users} users, {questions} questions each, {seconds} s per phase, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}.");
                }
                else
                {
                    var mode = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
                    var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
                    Console.WriteLine($"SQLite journal_mode={journal}, synchronous={mode} (0 OFF, 1 NORMAL, 2 FULL); {users} users, {questions} questions each, {seconds} s per phase, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, statement cache {(db.Database.GetDbConnection() is CachingSqliteConnection ? "on" : "off")}.");
                }
            }

            var gate = app.Services.GetRequiredService<RequestGate>();
            Console.WriteLine(gate.Limit == 0
                ? "Requests in work at once: no limit (Server:MaxConcurrentRequests 0, or unset on PostgreSQL)."
                : $"Requests in work at once: {gate.Limit}, the others wait in arrival order (Server:MaxConcurrentRequests; queue up to {gate.QueueLimit}).");

            // Warm-up (JIT, query compilation, connection pool), not counted. Tiered compilation with dynamic PGO keeps
            // recompiling hot methods for a while (a 5 s warm-up left the JIT's background thread using half a core
            // during the measurement), so the warm-up lasts until that has settled: 30 s unless GRUNDSCHUTZ_LOAD_WARMUP says otherwise.
            var warmUp = int.TryParse(Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 30;
            await RunSavesAsync(clients, questions, TimeSpan.FromSeconds(warmUp));
            using var sampler = Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_ALLOC") == "1" ? new AllocationSampler() : null;
            sampler?.Start();
            var group = SqliteGroupCommit.For(Path.Combine(dir, "load.db"));
            var (committedBefore, syncsBefore) = (group.Committed, group.Syncs);
            var changesBefore = await AnswerChangesAsync(app.Services);
            var postgresCpuBefore = BenchDatabase.PostgresServerCpu();
            var saves = await RunSavesAsync(clients, questions, TimeSpan.FromSeconds(seconds));
            var postgresCpu = BenchDatabase.PostgresServerCpu() - postgresCpuBefore;
            var (committed, syncs) = (group.Committed - committedBefore, group.Syncs - syncsBefore);
            var changes = await AnswerChangesAsync(app.Services) - changesBefore;
            sampler?.Stop();
            sampler?.Print(40);
            await RunBareAsync(clients, TimeSpan.FromSeconds(Math.Min(10, seconds)));
            var bare = await RunBareAsync(clients, TimeSpan.FromSeconds(seconds));

            var saveThroughput = saves.Requests / saves.Elapsed.TotalSeconds;
            var bareThroughput = bare.Requests / bare.Elapsed.TotalSeconds;
            Console.WriteLine($"Save and next ({users} concurrent users, {saves.Elapsed.TotalSeconds:0.0} s):");
            Console.WriteLine($"  saves {saves.Saves.Count:N0} ({saves.Saves.Count / saves.Elapsed.TotalSeconds:0.0}/s), requests {saves.Requests:N0} ({saveThroughput:0.0}/s), errors {saves.Errors}");
            Console.WriteLine($"  save POST     p50 {Percentile(saves.Saves, 50):0.0} ms  p95 {Percentile(saves.Saves, 95):0.0} ms  p99 {Percentile(saves.Saves, 99):0.0} ms  max {saves.Saves.Max():0.0} ms");
            Console.WriteLine($"  next page GET p50 {Percentile(saves.Pages, 50):0.0} ms  p95 {Percentile(saves.Pages, 95):0.0} ms  p99 {Percentile(saves.Pages, 99):0.0} ms");
            Console.WriteLine($"  save + next   p50 {Percentile(saves.Iterations, 50):0.0} ms  p95 {Percentile(saves.Iterations, 95):0.0} ms  p99 {Percentile(saves.Iterations, 99):0.0} ms");
            // Every save must change its answer (a new text each time), else it writes nothing and flatters the figures.
            // Counted are the history entries of the text alone: a first answer also writes one for its status.
            Console.WriteLine($"  implementation texts written {changes:N0} for {saves.Saves.Count:N0} saves{(changes >= saves.Saves.Count ? "" : " – NOT every save wrote: the run is not valid")}");
            if (!database.IsPostgres)
            {
                Console.WriteLine(committed > 0
                    ? $"  group commit: {committed:N0} commits, {syncs:N0} WAL syncs ({(double)committed / Math.Max(1, syncs):0.00} commits per sync)"
                    : "  group commit: off (SQLite syncs inside each commit, or NORMAL)");
                Console.WriteLine($"  statement cache: {CachingSqliteConnection.Parked} connections kept open (at most {CachingSqliteConnection.MaxParked})");
            }
            else
            {
                Console.WriteLine($"  PostgreSQL server processes: CPU {postgresCpu.TotalSeconds:0.0} s during the phase, {postgresCpu.TotalMilliseconds / Math.Max(1, saves.Requests):0.000} ms per request (not in the CPU per request below, which counts this process: with it {(saves.Cpu + postgresCpu).TotalMilliseconds / Math.Max(1, saves.Requests):0.000} ms)");
            }
            Console.WriteLine($"Bare Razor page /Status/200 (same users, same host):");
            Console.WriteLine($"  requests {bare.Requests:N0} ({bareThroughput:0.0}/s), errors {bare.Errors}, p50 {Percentile(bare.Pages, 50):0.0} ms  p95 {Percentile(bare.Pages, 95):0.0} ms");
            var ratio = saveThroughput / bareThroughput;
            Console.WriteLine($"Throughput save loop / bare page: {ratio:P0}");
            // CPU per request (server and client, whole process) does not depend on what else the machine is doing, so
            // it shows the cost of a request even when another process competes for the cores; the ratio of the two is
            // the throughput ratio the loop would reach on an otherwise idle, CPU-bound machine.
            Console.WriteLine($"Memory: save loop {Describe(saves)}; bare page {Describe(bare)}");
            Console.WriteLine($"CPU per request: save loop {saves.CpuPerRequest:0.000} ms, bare page {bare.CpuPerRequest:0.000} ms → {bare.CpuPerRequest / saves.CpuPerRequest:P0} (CPU {saves.Cpu.TotalSeconds:0.0} s / {saves.Elapsed.TotalSeconds:0.0} s and {bare.Cpu.TotalSeconds:0.0} s / {bare.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores)");

            long pageErrors = 0;

            // Optionally the next-question page alone (GET only): how far the ratio could go if saving cost nothing.
            if (Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_PAGE") == "1")
            {
                await RunQuestionPagesAsync(clients, questions, TimeSpan.FromSeconds(Math.Min(10, seconds)));
                using var pageSampler = Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_ALLOC") == "1" ? new AllocationSampler() : null;
                pageSampler?.Start();
                var page = await RunQuestionPagesAsync(clients, questions, TimeSpan.FromSeconds(seconds));
                pageSampler?.Stop();
                pageSampler?.Print(40);
                var pageThroughput = page.Requests / page.Elapsed.TotalSeconds;
                Console.WriteLine($"Question page alone, GET only, nothing saved (same users, same host):");
                Console.WriteLine($"  requests {page.Requests:N0} ({pageThroughput:0.0}/s), errors {page.Errors}, p50 {Percentile(page.Pages, 50):0.0} ms  p95 {Percentile(page.Pages, 95):0.0} ms; {Describe(page)}");
                Console.WriteLine($"  CPU per request {page.CpuPerRequest:0.000} ms = {page.CpuPerRequest / bare.CpuPerRequest:0.0} × the bare page; throughput {pageThroughput / bareThroughput:P0} of the bare page");
                // A save-and-next iteration is two requests: if the POST cost nothing, the loop would serve two requests
                // per question page.
                Console.WriteLine($"  bound: even a save POST that cost nothing would leave the save loop at ≤ {Math.Min(2 * pageThroughput, 2 * bareThroughput) / bareThroughput:P0} of the bare page");
                Console.WriteLine($"  CPU per save-and-next {2 * saves.CpuPerRequest:0.000} ms ≈ question page {page.CpuPerRequest:0.000} ms (at its cheapest) + save POST ≤ {2 * saves.CpuPerRequest - page.CpuPerRequest:0.000} ms");
                pageErrors = page.Errors;
            }

            var p95Ok = Percentile(saves.Iterations, 95) <= 100;
            var errorsOk = saves.Errors == 0 && bare.Errors == 0 && pageErrors == 0;
            var ratioOk = ratio >= 0.5;
            Console.WriteLine($"  target p95 save and next (POST + GET) ≤ 100 ms: {(p95Ok ? "met" : "NOT met")} (save POST alone: {(Percentile(saves.Saves, 95) <= 100 ? "≤" : ">")} 100 ms); no errors: {(errorsOk ? "met" : "NOT met")}; throughput ≥ 50 % of bare page: {(ratioOk ? "met" : "NOT met")}");

            // Optionally the same users as people work: a think time between saves instead of saving back to back. Not
            // part of the targets above (which are measured at saturation); it shows the latency at an ordinary load.
            if (int.TryParse(Environment.GetEnvironmentVariable("GRUNDSCHUTZ_LOAD_THINK_MS"), CultureInfo.InvariantCulture, out var thinkMs) && thinkMs > 0)
            {
                var paced = await RunSavesAsync(clients, questions, TimeSpan.FromSeconds(seconds), thinkMs);
                Console.WriteLine($"Paced: {users} users, think time {thinkMs} ms (0.5–1.5 ×) between saves, {paced.Elapsed.TotalSeconds:0.0} s:");
                Console.WriteLine($"  saves {paced.Saves.Count:N0} ({paced.Saves.Count / paced.Elapsed.TotalSeconds:0.0}/s), errors {paced.Errors}, CPU {100 * paced.Cpu.TotalSeconds / paced.Elapsed.TotalSeconds / Environment.ProcessorCount:0} % of {Environment.ProcessorCount} cores");
                Console.WriteLine($"  save POST     p50 {Percentile(paced.Saves, 50):0.0} ms  p95 {Percentile(paced.Saves, 95):0.0} ms  p99 {Percentile(paced.Saves, 99):0.0} ms");
                Console.WriteLine($"  save + next   p50 {Percentile(paced.Iterations, 50):0.0} ms  p95 {Percentile(paced.Iterations, 95):0.0} ms  p99 {Percentile(paced.Iterations, 99):0.0} ms");
                var gc = GC.GetGCMemoryInfo(GCKind.Any);
                Console.WriteLine($"  memory: {Describe(paced)}; last GC: generation {gc.Generation}, pause {gc.PauseDurations[0].TotalMilliseconds:0.0} ms, heap {gc.HeapSizeBytes / 1024 / 1024} MB; gen2 collections so far {GC.CollectionCount(2)}");
            }

            clients.ForEach(c => c.Client.Dispose());
            return p95Ok && errorsOk && ratioOk ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
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

    /// <summary>The history entries of implementation texts so far (one per save that changed its text).</summary>
    private static async Task<int> AnswerChangesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Set<AnswerChange>()
            .CountAsync(c => c.Field == AnswerFields.ImplementationDescription);
    }

    private static string UserName(int u) => string.Create(CultureInfo.InvariantCulture, $"last-isb-{u:00}");

    private sealed record Phase(List<double> Saves, List<double> Pages, List<double> Iterations, long Requests, long Errors, TimeSpan Elapsed, TimeSpan Cpu, Resources Used)
    {
        /// <summary>CPU time of the whole process (server and load client) per request, in milliseconds.</summary>
        public double CpuPerRequest => Requests == 0 ? 0 : Cpu.TotalMilliseconds / Requests;
    }

    /// <summary>Managed allocations, garbage collections and GC pause time of a phase (whole process).</summary>
    private sealed record Resources(long AllocatedBytes, int Collections, TimeSpan GcPause)
    {
        public static Resources Now() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());

        public Resources Since(Resources start) => new(AllocatedBytes - start.AllocatedBytes, Collections - start.Collections, GcPause - start.GcPause);
    }

    private static string Describe(Phase phase) => string.Create(
        CultureInfo.InvariantCulture,
        $"{phase.Used.AllocatedBytes / 1024.0 / Math.Max(1, phase.Requests):0} KB allocated per request, {phase.Used.Collections} GCs, GC pauses {100 * phase.Used.GcPause.TotalSeconds / phase.Elapsed.TotalSeconds:0.0} % of the time");

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task<Phase> RunSavesAsync(List<(HttpClient Client, Guid Assessment)> clients, int questions, TimeSpan duration, int thinkMs = 0)
    {
        var saves = new List<double>();
        var pages = new List<double>();
        var iterations = new List<double>();
        long requests = 0, errors = 0;
        var cpu = ProcessCpu();
        var resources = Resources.Now();
        var started = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);

        async Task UserAsync(HttpClient client, Guid assessment)
        {
            var url = $"/Assessments/{assessment}/Questions/0";
            string? html = null;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (html is null)
                    {
                        html = await client.GetStringAsync(url);
                        Interlocked.Increment(ref requests);
                    }

                    var form = FormFields.Read(html, "question-form");
                    var fields = new Dictionary<string, string>(form.Hidden)
                    {
                        ["Input.Status"] = "Ja",
                        ["Input.ImplementationDescription"] = string.Create(CultureInfo.InvariantCulture, $"Umgesetzt, Lastlauf {Interlocked.Increment(ref textNumber)}."),
                        ["after"] = "next",
                    };
                    var iteration = Stopwatch.GetTimestamp();
                    using var post = await client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
                    var saveMs = Stopwatch.GetElapsedTime(iteration).TotalMilliseconds;
                    Interlocked.Increment(ref requests);
                    if (post.StatusCode != HttpStatusCode.Redirect)
                    {
                        Interlocked.Increment(ref errors);
                        html = null;
                        continue;
                    }

                    var next = post.Headers.Location!.OriginalString;
                    // Once every question is answered, "save and next" goes to the overview: go on with the question
                    // after the one just saved, so that users keep revising all answers (as in a second pass) instead
                    // of piling up the history of one answer.
                    var here = int.Parse(url[(url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
                    url = next.Contains("/Questions/", StringComparison.Ordinal) ? next : $"/Assessments/{assessment}/Questions/{(here + 1) % questions}";
                    var pageStarted = Stopwatch.GetTimestamp();
                    using var get = await client.GetAsync(url);
                    html = await get.Content.ReadAsStringAsync();
                    var pageMs = Stopwatch.GetElapsedTime(pageStarted).TotalMilliseconds;
                    Interlocked.Increment(ref requests);
                    if (get.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        html = null;
                        continue;
                    }

                    lock (saves)
                    {
                        saves.Add(saveMs);
                        pages.Add(pageMs);
                        iterations.Add(Stopwatch.GetElapsedTime(iteration).TotalMilliseconds);
                    }

                    if (thinkMs > 0)
                    {
                        // A person reading the next question: 0.5–1.5 × the think time, so users do not move in step.
                        await Task.Delay(TimeSpan.FromMilliseconds(thinkMs * (0.5 + Random.Shared.NextDouble())), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    html = null;
                }
            }
        }

        await Task.WhenAll(clients.Select(c => Task.Run(() => UserAsync(c.Client, c.Assessment))));
        return new Phase(saves, pages, iterations, requests, errors, started.Elapsed, ProcessCpu() - cpu, Resources.Now().Since(resources));
    }

    private static Task<Phase> RunBareAsync(List<(HttpClient Client, Guid Assessment)> clients, TimeSpan duration) =>
        RunGetsAsync(clients, duration, (_, _) => "/Status/200");

    /// <summary>
    /// The question pages alone: every user reads its questions one after another (GET only, nothing saved), the page
    /// the save loop's second request renders. Without saves no commit invalidates SQLite's page caches, so this is
    /// the page at its cheapest.
    /// </summary>
    private static Task<Phase> RunQuestionPagesAsync(List<(HttpClient Client, Guid Assessment)> clients, int questions, TimeSpan duration) =>
        RunGetsAsync(clients, duration, (assessment, n) => string.Create(CultureInfo.InvariantCulture, $"/Assessments/{assessment}/Questions/{n % questions}"));

    /// <summary>All users request <paramref name="url"/>(their assessment, their request number) back to back.</summary>
    private static async Task<Phase> RunGetsAsync(List<(HttpClient Client, Guid Assessment)> clients, TimeSpan duration, Func<Guid, long, string> url)
    {
        var pages = new List<double>();
        long requests = 0, errors = 0;
        var cpu = ProcessCpu();
        var resources = Resources.Now();
        var started = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);

        async Task UserAsync(HttpClient client, Guid assessment)
        {
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var at = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url(assessment, n));
                await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                Interlocked.Increment(ref requests);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }

                lock (pages)
                {
                    pages.Add(ms);
                }
            }
        }

        await Task.WhenAll(clients.Select(c => Task.Run(() => UserAsync(c.Client, c.Assessment))));
        return new Phase([], pages, [], requests, errors, started.Elapsed, ProcessCpu() - cpu, Resources.Now().Since(resources));
    }

    private static async Task<(List<Guid> Assessments, int Questions)> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var municipality = new Municipality { Population = 50_000, Type = MunicipalityType.Stadt, CreatedAt = now, UpdatedAt = now };
        municipality.SetAgs(Ags.Parse("05315000"));
        municipality.SetName("Laststadt");
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();

        var versionId = await db.CatalogVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var framework = await db.CatalogVersions.Where(v => v.Id == versionId).Select(v => v.Framework).SingleAsync();
        var catalog = await CatalogContextCache.LoadAsync(db, versionId, CancellationToken.None);
        var ids = new List<Guid>();
        var questions = 0;
        for (var u = 0; u < count; u++)
        {
            var isb = new ApplicationUser { UserName = UserName(u), DisplayName = "Last " + u, MunicipalityId = municipality.Id };
            Check(await users.CreateAsync(isb, Password));
            Check(await users.AddToRoleAsync(isb, Roles.Isb));
            var actor = new Actor(isb.Id, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
            var assessment = Assessment.Create(municipality.Id, versionId, framework, Approach.GsppNormal, $"Lasttest {u:00}", isb.Id, now);
            for (var t = 1; t <= Targets; t++)
            {
                var target = assessment.AddTargetObject($"Zielobjekt {t:00}", "IT-System");
                foreach (var group in catalog.GroupOrder.Where(g => catalog.InGroup(g).Any(r => !r.Withdrawn)))
                {
                    assessment.ApplyModule(group, target.Id);
                }
            }

            assessment.Fire(AssessmentTrigger.StartAnswering, actor, null, now, catalog);
            db.Assessments.Add(assessment);
            ids.Add(assessment.Id);
            questions = new QuestionnaireNavigator(assessment, catalog).Questions.Count;
        }

        await db.SaveChangesAsync();
        return (ids, questions);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static async Task LoginAsync(HttpClient client, string userName)
    {
        var form = FormFields.Read(await client.GetStringAsync("/Account/Login"), "login-form");
        var fields = new Dictionary<string, string>(form.Hidden)
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
        };
        using var response = await client.PostAsync(form.Action.Length == 0 ? "/Account/Login" : form.Action, new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {userName} failed: {(int)response.StatusCode}");
        }
    }

    private static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>Keeps the app's cookies (also the Secure ones) over plain HTTP, as behind the TLS proxy the app expects.</summary>
    private sealed class CookieJarHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            lock (_cookies)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
                }
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                lock (_cookies)
                {
                    foreach (var value in values)
                    {
                        var pair = value.Split(';', 2)[0];
                        var eq = pair.IndexOf('=', StringComparison.Ordinal);
                        if (eq > 0)
                        {
                            _cookies[pair[..eq]] = pair[(eq + 1)..];
                        }
                    }
                }
            }

            return response;
        }
    }
}
