namespace Grundschutz.Web.Tests.Cli;

/// <summary><c>evidence cleanup</c>: usage errors exit 2; a run on a store with one unreferenced old file removes it.</summary>
public sealed class EvidenceCleanupCliTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private string EvidenceDirectory => Path.Combine(_host.Folder, "evidence");

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("--gruendlich")]
    public async Task Cleanup_BadArguments_ExitTwoWithMessage(string argument)
    {
        var (exit, _, err) = await _host.RunAsync("evidence", "cleanup", argument, $"--Evidence:Directory={EvidenceDirectory}");

        Assert.Equal(2, exit);
        Assert.StartsWith("Fehler:", err.Trim());
    }

    [Fact]
    public async Task Cleanup_UnreferencedOldFile_DryRunKeepsIt_RunRemovesIt_ForeignFileStays()
    {
        var sha = new string('b', 64);
        var folder = Path.Combine(EvidenceDirectory, "bb");
        Directory.CreateDirectory(folder);
        var stored = Path.Combine(folder, sha);
        await File.WriteAllTextAsync(stored, "%PDF-1.7\nalt\n");
        File.SetLastWriteTimeUtc(stored, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var foreign = Path.Combine(EvidenceDirectory, "notiz.txt");
        await File.WriteAllTextAsync(foreign, "fremd");
        File.SetLastWriteTimeUtc(foreign, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var (dryExit, dryOut, _) = await _host.RunAsync("evidence", "cleanup", "--dry-run", $"--Evidence:Directory={EvidenceDirectory}");
        Assert.Equal(0, dryExit);
        Assert.Contains("1 Dateien ohne Verweis und älter als 24 h würden entfernt", dryOut, StringComparison.Ordinal);
        Assert.Contains("sha256:" + sha, dryOut, StringComparison.Ordinal);
        Assert.True(File.Exists(stored));

        var (exit, output, _) = await _host.RunAsync("evidence", "cleanup", "48", $"--Evidence:Directory={EvidenceDirectory}");
        Assert.Equal(0, exit);
        Assert.Contains("1 gespeicherte Nachweisdateien, davon 0 in Verwendung.", output, StringComparison.Ordinal);
        Assert.Contains("älter als 48 h entfernt", output, StringComparison.Ordinal);
        Assert.False(File.Exists(stored));
        Assert.True(File.Exists(foreign));
    }
}
