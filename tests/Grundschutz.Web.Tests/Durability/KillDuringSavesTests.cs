using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Durability;

/// <summary>
/// <c>kill -9</c> of the real app process in the middle of a burst of answer saves: after a restart the database
/// passes its integrity checks and every save the app acknowledged (redirect after the POST) is there. SQLite runs in
/// WAL mode; a committed transaction is in the WAL file before the response is sent, and a killed process loses
/// nothing the operating system already has – checked with <c>PRAGMA integrity_check</c>. When the web tests run
/// against PostgreSQL the same burst runs against it (the server survives; the question is whether the app
/// acknowledges anything before its commit), and README's <c>pg_amcheck</c> checks every table and index. On both,
/// every answer's history still forms an unbroken hash chain.
/// </summary>
public sealed partial class KillDuringSavesTests : IDisposable
{
    private const int Workers = 4;
    private const int QuestionsPerWorker = 2;
    private const int AcknowledgedBeforeKill = 40;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grundschutz-durability", Guid.NewGuid().ToString("N"));
    private readonly AppDatabase _database;

    public KillDuringSavesTests()
    {
        Directory.CreateDirectory(_folder);
        _database = new AppDatabase(_folder);
    }

    [Fact]
    public async Task KillNine_DuringBurstOfSaves_DatabaseIntactAndEveryAcknowledgedSavePresent()
    {
        Guid assessmentId;
        var acknowledged = new ConcurrentDictionary<int, (int Seq, string Text)>();
        var inFlight = new ConcurrentDictionary<int, string>();
        var acknowledgedCount = 0;
        var stop = new CancellationTokenSource();

        using (var app = await AppProcess.StartAsync(_folder, _database))
        {
            var clients = new List<HttpClient>();
            for (var w = 0; w < Workers; w++)
            {
                clients.Add(await SignInAsync(app.BaseAddress));
            }

            assessmentId = await DemoAssessmentIdAsync(clients[0]);
            var reachedTarget = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            async Task WorkerAsync(int worker)
            {
                var client = clients[worker];
                for (var seq = 0; !stop.IsCancellationRequested; seq++)
                {
                    var position = worker * QuestionsPerWorker + seq % QuestionsPerWorker;
                    var text = string.Create(CultureInfo.InvariantCulture, $"Dauerhaft {worker}/{seq}");
                    try
                    {
                        var page = await Html.GetDocumentAsync(client, $"/Assessments/{assessmentId}/Questions/{position}");
                        var form = (IHtmlFormElement)page.GetElementById("question-form")!;
                        form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "Input.Status" && i.Value == "Ja").IsChecked = true;
                        inFlight[position] = text;
                        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
                        {
                            ["Input.ImplementationDescription"] = text,
                        }, (IHtmlElement)page.GetElementById("save-stay")!);
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            acknowledged[position] = (seq, text);
                            if (Interlocked.Increment(ref acknowledgedCount) >= AcknowledgedBeforeKill)
                            {
                                reachedTarget.TrySetResult();
                            }
                        }
                        else
                        {
                            // The app answered, but not with a saved answer: that is a failure of the test setup.
                            reachedTarget.TrySetException(new InvalidOperationException(
                                $"Save of question {position} answered {(int)response.StatusCode}:\n{await response.Content.ReadAsStringAsync()}"));
                            return;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException || ex is Xunit.Sdk.XunitException && stop.IsCancellationRequested)
                    {
                        // The process is gone (killed): this request was not acknowledged.
                        return;
                    }
                }
            }

            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkerAsync(w))).ToList();
            await reachedTarget.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // Mid-burst: every worker still has requests running.
            app.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            clients.ForEach(c => c.Dispose());
        }

        Assert.True(acknowledgedCount >= AcknowledgedBeforeKill);
        SqliteConnection.ClearAllPools();

        // Restart: the app opens the database again (WAL recovery), migrates and answers pages.
        using (var restarted = await AppProcess.StartAsync(_folder, _database))
        {
            using var client = await SignInAsync(restarted.BaseAddress);
            var page = await Html.GetDocumentAsync(client, $"/Assessments/{assessmentId}/Questions/0");
            Assert.NotNull(page.GetElementById("question-form"));

            if (_database.SqlitePath is { } path)
            {
                Assert.Equal("ok", IntegrityCheck(path));
            }

            if (_database.PostgresDatabase is { } database)
            {
                await AmcheckAsDocumentedAsync(database);
            }

            await using var db = _database.OpenContext();
            Assert.Empty(await AnswerChainVerifier.VerifyAsync(db, assessmentId, CancellationToken.None));
            var stored = await db.Answers.AsNoTracking()
                .Where(a => a.ImplementationDescription != null && a.ImplementationDescription.StartsWith("Dauerhaft "))
                .Select(a => a.ImplementationDescription!)
                .ToListAsync();

            Assert.Equal(Workers * QuestionsPerWorker, acknowledged.Count);
            foreach (var (position, (seq, text)) in acknowledged)
            {
                // The last acknowledged text, or a later one whose commit made it to disk before the kill
                // but whose response did not reach the client.
                var worker = position / QuestionsPerWorker;
                var later = inFlight.TryGetValue(position, out var pending) ? pending : text;
                var found = stored.Where(s => s.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Dauerhaft {worker}/"), StringComparison.Ordinal))
                    .Select(s => int.Parse(s[(s.IndexOf('/', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture))
                    .Where(s => s % QuestionsPerWorker == seq % QuestionsPerWorker)
                    .ToList();
                var storedSeq = Assert.Single(found);
                Assert.True(storedSeq >= seq, $"Question {position}: acknowledged save {text} is lost; the database has {worker}/{storedSeq} (in flight: {later}).");
            }
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await Html.LoginAsync(client, AppProcess.IsbUserName, AppProcess.DemoPassword);
        return client;
    }

    private static async Task<Guid> DemoAssessmentIdAsync(HttpClient client)
    {
        var list = await Html.GetDocumentAsync(client, "/Assessments");
        var href = list.QuerySelectorAll("th.title a").Select(a => a.GetAttribute("href")).Single()!;
        return Guid.Parse(href.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    /// <summary>
    /// README's PostgreSQL integrity check: <c>pg_amcheck</c> with its documented options as a superuser (every table's
    /// rows and every index entry, exit code 0 = no corruption), then the documented removal of the amcheck extension.
    /// </summary>
    private async Task AmcheckAsDocumentedAsync(string database)
    {
        var admin = PostgresTools.AdminConnection(database);
        var (exitCode, output) = await PostgresTools.RunAsync("pg_amcheck", [.. PostgresTools.DocumentedOptions("pg_amcheck"), PostgresTools.Libpq(admin)], admin);
        Assert.True(exitCode == 0, $"pg_amcheck found corruption or failed ({exitCode}): {output}");
        Assert.True(await HasAmcheckAsync(), "pg_amcheck ran, but not on the app's database (no amcheck extension there).");

        var drop = AmcheckRemoval().Match(PostgresTools.DocumentedLine("psql"));
        Assert.True(drop.Success, "README's psql line has no --command=\"…\".");
        await PostgresTools.RunSucceedingAsync("psql", [$"--command={drop.Groups[1].Value}", PostgresTools.Libpq(admin)], admin);
        Assert.False(await HasAmcheckAsync(), "The documented DROP EXTENSION left amcheck in the database.");
    }

    private async Task<bool> HasAmcheckAsync()
    {
        await using var db = _database.OpenContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1;
    }

    [GeneratedRegex("--command=\"([^\"]+)\"")]
    private static partial Regex AmcheckRemoval();

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return SqliteBackup.IntegrityCheck(connection);
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }
}
