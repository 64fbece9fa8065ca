using System.Text;
using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Tests.Evidence;

/// <summary>
/// The cleanup removes exactly the stored files nothing references (no answer's evidence, no policy document) that
/// are older than the minimum age, and abandoned uploads; referenced, recent and re-uploaded files and foreign files stay.
/// </summary>
public sealed class EvidenceCleanupTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-cleanup-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private EvidenceStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _store = new EvidenceStore(Options.Create(new EvidenceOptions { Directory = _directory }), _database.Time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    [Fact]
    public async Task RunAsync_RemovesOnlyUnreferencedFilesOlderThanTheMinimumAge_DryRunRemovesNothing()
    {
        var assessmentId = await TestAssessments.CreateAsync(_database, ["Server Rathaus"], ["TEC.1"]);
        var server = await TestAssessments.TargetAsync(_database, assessmentId, "Server Rathaus");
        var onAnswer = await StoreAsync("Auf einer Antwort");
        var onPolicy = await StoreAsync("Leitlinie");
        var removedFromAnswer = await StoreAsync("Entfernter Nachweis mit Personaldaten");
        var neverUsed = await StoreAsync("Nie verwendet");
        var recent = await StoreAsync("Gerade hochgeladen, Antwort noch nicht gespeichert");

        await using (var db = _database.NewContext())
        {
            var (assessment, catalog) = await TestAssessments.LoadScopeAsync(db, assessmentId);
            var requirement = catalog.Find("TEC.1.1")!;
            assessment.AttachEvidence(requirement, server, "a.pdf", onAnswer, 10, "application/pdf", TestAssessments.Isb, Now);
            var gone = assessment.AttachEvidence(requirement, server, "b.pdf", removedFromAnswer, 10, "application/pdf", TestAssessments.Isb, Now);
            await db.SaveChangesAsync();
            assessment.RemoveEvidence(gone.Id, TestAssessments.Isb, Now);
            var municipalityId = assessment.MunicipalityId;
            db.PolicyDocuments.Add(PolicyDocument.Create(
                municipalityId, new PolicyMetadata("A.0.1", "Leitlinie", "ISB", "1.0", new DateOnly(2026, 1, 1), "Bürgermeisterin", null, null),
                "leitlinie.pdf", "application/pdf", 10, onPolicy, "isb-1", Now));
            await db.SaveChangesAsync();
        }

        foreach (var key in new[] { onAnswer, onPolicy, removedFromAnswer, neverUsed })
        {
            Age(key, TimeSpan.FromHours(48));
        }

        Age(recent, TimeSpan.FromHours(2));
        var oldUpload = AbandonedUpload(TimeSpan.FromHours(30));
        var freshUpload = AbandonedUpload(TimeSpan.FromMinutes(5));
        var foreign = Path.Combine(_directory, "LIESMICH.txt");
        await File.WriteAllTextAsync(foreign, "nicht vom Speicher");
        File.SetLastWriteTimeUtc(foreign, (Now - TimeSpan.FromDays(400)).UtcDateTime);

        var dry = await CleanupAsync(TimeSpan.FromHours(24), dryRun: true);
        Assert.Equal(new[] { neverUsed, removedFromAnswer }.Order(StringComparer.Ordinal), dry.Removed.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal([oldUpload], dry.AbandonedUploads.Select(f => f.Key));
        Assert.Equal((5, 2), (dry.Stored, dry.Referenced));
        Assert.Equal(5, _store.ListStored().Count);
        Assert.True(File.Exists(Path.Combine(_directory, oldUpload)));

        var run = await CleanupAsync(TimeSpan.FromHours(24), dryRun: false);
        Assert.Equal(dry.Removed.Select(f => f.Key).Order(StringComparer.Ordinal), run.Removed.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { onAnswer, onPolicy, recent }.Order(StringComparer.Ordinal),
            _store.ListStored().Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Null(_store.OpenRead(removedFromAnswer));
        await using (var stream = _store.OpenRead(onAnswer))
        {
            Assert.NotNull(stream);
        }

        Assert.False(File.Exists(Path.Combine(_directory, oldUpload)));
        Assert.True(File.Exists(Path.Combine(_directory, freshUpload)));
        Assert.True(File.Exists(foreign));
        Assert.Equal(run.Removed.Sum(f => f.SizeBytes) + 7, run.RemovedBytes);

        // A second run finds nothing more; with no minimum age the recent unreferenced file goes too.
        Assert.Empty((await CleanupAsync(TimeSpan.FromHours(24), dryRun: false)).Removed);
        Assert.Equal([recent], (await CleanupAsync(TimeSpan.Zero, dryRun: false)).Removed.Select(f => f.Key));
    }

    [Fact]
    public async Task RunAsync_FileUploadedAgain_CountsAsNewAndStays()
    {
        var key = await StoreAsync("Wieder hochgeladen");
        Age(key, TimeSpan.FromDays(30));

        // The same bytes again (a user attaches the file to another answer; its row is not saved yet).
        var again = await _store.SaveAsync("nochmal.pdf", null, () => new MemoryStream(Pdf("Wieder hochgeladen")), CancellationToken.None);
        Assert.True(again.AlreadyStored);

        Assert.Empty((await CleanupAsync(TimeSpan.FromHours(24), dryRun: false)).Removed);
        Assert.Single(_store.ListStored());
    }

    [Fact]
    public void DeleteIfUntouchedSince_KeyOutsideTheStore_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _store.DeleteIfUntouchedSince("../../etc/passwd", Now));
        Assert.Throws<ArgumentException>(() => _store.DeleteIfUntouchedSince(".upload-x.tmp/../../a", Now));
        Assert.False(_store.DeleteIfUntouchedSince("sha256:" + new string('a', 64), Now));
    }

    private async Task<EvidenceCleanupResult> CleanupAsync(TimeSpan minimumAge, bool dryRun)
    {
        await using var db = _database.NewContext();
        return await new EvidenceCleanup(db, _store, _database.Time).RunAsync(minimumAge, dryRun, CancellationToken.None);
    }

    private static byte[] Pdf(string text) => Encoding.UTF8.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n");

    private async Task<string> StoreAsync(string text)
    {
        var bytes = Pdf(text);
        return (await _store.SaveAsync("nachweis.pdf", bytes.Length, () => new MemoryStream(bytes), CancellationToken.None)).StorageKey;
    }

    private void Age(string key, TimeSpan age)
    {
        var sha = EvidenceStore.ShaOf(key)!;
        File.SetLastWriteTimeUtc(Path.Combine(_directory, sha[..2], sha), (Now - age).UtcDateTime);
    }

    private string AbandonedUpload(TimeSpan age)
    {
        var name = $".upload-{Guid.NewGuid():N}.tmp";
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "halb...");
        File.SetLastWriteTimeUtc(path, (Now - age).UtcDateTime);
        return name;
    }
}
