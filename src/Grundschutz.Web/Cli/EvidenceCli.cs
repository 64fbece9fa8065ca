using System.Globalization;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Files;

namespace Grundschutz.Web.Cli;

/// <summary>
/// <c>evidence verify &lt;zip&gt;</c> (exit 0 intact, 1 altered or unreadable, 2 usage) and
/// <c>evidence keygen &lt;folder&gt; [&lt;name&gt;]</c> (a new ECDSA P-256 key pair for signing packages) and
/// <c>evidence cleanup [&lt;hours&gt;] [--dry-run]</c> (removes stored files nothing references any more).
/// </summary>
public static class EvidenceCli
{
    public static async Task<int> VerifyAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count != 1)
        {
            await stderr.WriteLineAsync("Fehler: evidence verify braucht genau eine ZIP-Datei.");
            await stderr.WriteLineAsync(CliRunner.Usage);
            return 2;
        }

        var path = cli.Positional[0];
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"Fehler: Datei nicht gefunden: {path}");
            return 2;
        }

        var verifier = services.GetRequiredService<EvidencePackageVerifier>();
        PackageVerification result;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous))
        {
            result = await verifier.VerifyAsync(stream, CancellationToken.None);
        }

        if (result.IsIntact)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"intakt: {path} – Signatur gültig (Schlüssel {result.KeyId}), {result.FileCount} Dateien unverändert, Antwortverlauf mit {result.TrailEntries} Einträgen lückenlos verkettet."));
            return 0;
        }

        await stdout.WriteLineAsync($"verändert: {path}");
        foreach (var problem in result.Problems)
        {
            await stdout.WriteLineAsync("  " + problem);
        }

        return 1;
    }

    public static async Task<int> KeygenAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count is < 1 or > 2)
        {
            await stderr.WriteLineAsync("Fehler: evidence keygen braucht einen Ordner und optional einen Namen.");
            await stderr.WriteLineAsync(CliRunner.Usage);
            return 2;
        }

        var today = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = cli.Positional.Count == 2 ? cli.Positional[1] : $"evidence-signing-{today}";
        if (name != Path.GetFileName(name) || name.StartsWith('.'))
        {
            await stderr.WriteLineAsync("Fehler: Der Name darf keinen Pfad enthalten.");
            return 2;
        }

        try
        {
            var (privatePath, publicPath, keyId) = EvidenceKeys.WriteFiles(cli.Positional[0], name);
            await stdout.WriteLineAsync($"Privater Schlüssel: {Path.GetFullPath(privatePath)} (geheim halten, nie einchecken)");
            await stdout.WriteLineAsync($"Öffentlicher Schlüssel: {Path.GetFullPath(publicPath)}");
            await stdout.WriteLineAsync($"Schlüssel-Id: {keyId}");
            await stdout.WriteLineAsync($"Konfiguration: Evidence__SigningKeyPath={Path.GetFullPath(privatePath)}  Evidence__KeyId={keyId}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            return 1;
        }
    }

    public static async Task<int> CleanupAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var hours = EvidenceCleanup.DefaultMinimumAge.TotalHours;
        if (cli.Positional.Count > 1
            || (cli.Positional.Count == 1 && (!double.TryParse(cli.Positional[0], NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || hours < 0 || hours > 100_000)))
        {
            await stderr.WriteLineAsync("Fehler: evidence cleanup nimmt höchstens ein Mindestalter in Stunden (Zahl ≥ 0, z. B. 24).");
            await stderr.WriteLineAsync(CliRunner.Usage);
            return 2;
        }

        var unknown = cli.Flags.Where(f => !string.Equals(f, "dry-run", StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            await stderr.WriteLineAsync($"Fehler: Unbekannte Option: --{unknown[0]}");
            return 2;
        }

        var dryRun = cli.Flags.Contains("dry-run");
        EvidenceCleanupResult result;
        try
        {
            result = await services.GetRequiredService<EvidenceCleanup>().RunAsync(TimeSpan.FromHours(hours), dryRun, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            return 1;
        }

        var verb = dryRun ? "würden entfernt" : "entfernt";
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Stored} gespeicherte Nachweisdateien, davon {result.Referenced} in Verwendung."));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Removed.Count} Dateien ohne Verweis und älter als {hours:0.##} h {verb}; {result.AbandonedUploads.Count} abgebrochene Uploads {verb} ({EvidenceStore.FormatSize(result.RemovedBytes)})."));
        foreach (var file in result.Removed.Concat(result.AbandonedUploads))
        {
            await stdout.WriteLineAsync("  " + file.Key);
        }

        return 0;
    }
}
