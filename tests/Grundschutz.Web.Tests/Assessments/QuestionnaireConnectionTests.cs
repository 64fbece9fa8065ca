using System.Data.Common;
using System.Diagnostics;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// The questionnaire is the hot path (a save and the next question for every answer): each of its requests opens the
/// database connection once, not once per statement – under load, opening a pooled SQLite connection again for each
/// of a request's 5–7 statements cost about a fifth of the CPU (bench/README.md). Counted with SQLite's statement cache
/// switched off: with it (the default) a pooled context's connection stays open between requests
/// (<c>CachingSqliteConnection</c>, tested in the infrastructure tests), so most requests open nothing at all.
/// </summary>
public sealed class QuestionnaireConnectionTests(QuestionnaireConnectionTests.CountingFactory factory) : IClassFixture<QuestionnaireConnectionTests.CountingFactory>
{
    /// <summary>
    /// Listens before the app creates its first context: EF Core decides whether a diagnostic event is wanted once and
    /// keeps that answer for a while (pooled contexts keep their logger), so a listener added later could miss events.
    /// </summary>
    public sealed class CountingFactory : GrundschutzWebFactory
    {
        public CountingFactory()
        {
            Opened = new ConnectionOpenCounter(this);
            Settings["Database:SqliteStatementCache"] = "false";
        }

        public ConnectionOpenCounter Opened { get; }

        protected override void Dispose(bool disposing)
        {
            Opened.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task QuestionPageAndSave_EachOpenTheConnectionOnce()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100101", "Aachen", b => b.Answer("ORG.1.2", Target, AnswerStatus.Ja));
        var client = await tenant.SignInAsync();
        var opened = factory.Opened;
        opened.Arm();
        var before = opened.Count;

        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 1));
        var afterPage = opened.Count - before;
        var response = await SaveAsync(client, page, new() { ["Input.Status"] = "Nein", ["Input.ImplementationDescription"] = "Noch offen." });
        var afterSave = opened.Count - before;

        // The page read the head, the answer, its history and its evidence; the save read and wrote in a transaction.
        Assert.Equal("ORG.1.2", Text(page, "#requirement-id"));
        Assert.Equal(Question(tenant.Id, 2), Location(response));
        Assert.Equal(AnswerStatus.Nein, (await tenant.AnswerAsync("ORG.1.2"))!.Status);
        Assert.Equal((1, 1), (afterPage, afterSave - afterPage));
    }

    /// <summary>Counts EF Core's "connection opened" events for the factory's database (other test classes run in parallel).</summary>
    public sealed class ConnectionOpenCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly GrundschutzWebFactory _factory;
        private readonly IDisposable _all;
        private volatile Tuple<string, string>? _identity;
        private readonly List<IDisposable> _listeners = [];
        private int _count;

        public ConnectionOpenCounter(GrundschutzWebFactory factory)
        {
            _factory = factory;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.ConnectionOpened.Name && value.Value is ConnectionEndEventData { Connection: DbConnection connection }
                && Tuple.Create(connection.DataSource, connection.Database).Equals(_identity))
            {
                Interlocked.Increment(ref _count);
            }
        }

        /// <summary>Starts counting the opens of the factory's database (its host must exist; events before are ignored).</summary>
        public void Arm()
        {
            using var scope = _factory.Services.CreateScope();
            var connection = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Database.GetDbConnection();
            _identity = Tuple.Create(connection.DataSource, connection.Database);
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
