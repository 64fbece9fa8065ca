using System.Globalization;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Municipalities;

namespace Grundschutz.Web.Cli;

/// <summary>
/// <c>seed land &lt;code&gt;... [&lt;GV100AD file&gt;] [--kennzahlen-only]</c> and <c>seed all [&lt;GV100AD file&gt;] [--kennzahlen-only]</c>:
/// builds the synthetic benchmark data set (see <see cref="BenchmarkSeeder"/>). With a GV100AD file the municipalities are
/// imported first (upsert). The Kompendium must already be imported. Exit codes 0/1/2.
/// </summary>
public static class SeedCli
{
    /// <summary>The rounds (years) seeded.</summary>
    public static readonly IReadOnlyList<int> Years = [2024, 2025, 2026];

    public static async Task<int> RunAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var positional = cli.Positional.ToList();
        string? file = positional.Count > 0 && File.Exists(positional[^1]) ? positional[^1] : null;
        if (file is not null)
        {
            positional.RemoveAt(positional.Count - 1);
        }

        IReadOnlyCollection<string>? lands;
        switch (cli.Verb)
        {
            case "all" when positional.Count == 0:
                lands = null;
                break;
            case "land" when positional.Count > 0:
                var unknown = positional.Where(code => !Land.TryFromCode(code, out _)).ToList();
                if (unknown.Count > 0)
                {
                    await stderr.WriteLineAsync($"Fehler: Unbekannter Landesschlüssel: {string.Join(", ", unknown)} (zweistellig, 01 bis 16; oder die Datei gibt es nicht).");
                    return 2;
                }

                lands = positional;
                break;
            default:
                await stderr.WriteLineAsync("Fehler: seed braucht „land <Schlüssel>…“ oder „all“, optional gefolgt von der GV100AD-Datei.");
                await stderr.WriteLineAsync(CliRunner.Usage);
                return 2;
        }

        try
        {
            if (file is not null)
            {
                var imported = await services.GetRequiredService<MunicipalityImportService>()
                    .ImportAsync(MunicipalityImportFile.FromPath(file), CancellationToken.None);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Gemeindeverzeichnis: {imported.Municipalities} Gemeinden ({imported.Added} neu)."));
            }

            // Synchronous: Progress<T> would post to the thread pool and could write after the command returned.
            var progress = new LineProgress(stdout);
            var result = await services.GetRequiredService<BenchmarkSeeder>().SeedAsync(
                new BenchmarkSeedOptions(lands, Years, KpisOnly: cli.Flags.Contains("kennzahlen-only")),
                progress,
                CancellationToken.None);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Synthetische Bewertungen gegen {result.CatalogTitle}: {result.Municipalities} Kommunen, {result.Assessments} Bewertungen, {result.Pairs} Paare, {result.Answers} gespeicherte Antworten in {result.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        }
        catch (Exception ex) when (ex is BenchmarkSeedException or MunicipalityImportException)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            return 1;
        }
    }

    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
