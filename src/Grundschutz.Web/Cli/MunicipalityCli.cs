using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

using Grundschutz.Infrastructure.Municipalities;

namespace Grundschutz.Web.Cli;

/// <summary><c>municipalities import &lt;file&gt; [--json]</c>: imports the Destatis GV100AD directory. Exit codes 0/1/2.</summary>
public static class MunicipalityCli
{
    private static readonly JsonSerializerOptions JsonOut = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<int> ImportAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count != 1)
        {
            await stderr.WriteLineAsync("Fehler: municipalities import braucht genau eine Datei (GV100AD).");
            await stderr.WriteLineAsync(CliRunner.Usage);
            return 2;
        }

        var path = cli.Positional[0];
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"Fehler: Datei nicht gefunden: {path}");
            return 1;
        }

        MunicipalityImportResult result;
        try
        {
            result = await services.GetRequiredService<MunicipalityImportService>()
                .ImportAsync(MunicipalityImportFile.FromPath(path), CancellationToken.None);
        }
        catch (MunicipalityImportException ex)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            await stderr.WriteLineAsync("Es wurde nichts gespeichert.");
            return 1;
        }

        if (cli.Flags.Contains("json"))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                file = result.FileName,
                gebietsstand = result.Gebietsstand.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                municipalities = result.Municipalities,
                added = result.Added,
                updated = result.Updated,
                unchanged = result.Unchanged,
                skippedGemeindefreieGebiete = result.SkippedGemeindefreieGebiete,
            }, JsonOut));
        }
        else
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.FileName}: Gebietsstand {result.Gebietsstand:dd.MM.yyyy}, {result.Municipalities} Gemeinden: {result.Added} neu, {result.Updated} geändert, {result.Unchanged} unverändert ({result.SkippedGemeindefreieGebiete} gemeindefreie Gebiete übersprungen)."));
        }

        return 0;
    }
}
