using System.Text.Encodings.Web;
using System.Text.Json;
using Grundschutz.Infrastructure;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Cli;

/// <summary>Runs a CLI verb against the configured database. Exit codes: 0 success, 1 error, 2 usage.</summary>
public static class CliRunner
{
    private static readonly JsonSerializerOptions JsonOut = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public const string Usage = """
        Verwendung:
          dotnet run --project src/Grundschutz.Web -- catalog import <datei>... [--json]
              Importiert OSCAL-Kataloge/-Profile und -Mapping-Collections (JSON) und das IT-Grundschutz-Kompendium (XML).
              --json  gibt je importiertem Dokument ein JSON-Objekt aus.
          dotnet run --project src/Grundschutz.Web -- municipalities import <GV100AD-datei> [--json]
              Importiert das Gemeindeverzeichnis von Destatis (GV100AD); neue Kommunen werden angelegt, vorhandene aktualisiert.
          dotnet run --project src/Grundschutz.Web -- migrate
              Legt die Datenbank an, falls sie fehlt, und wendet ausstehende Migrationen an – auch mit
              Database:MigrateOnStart=false (PostgreSQL: vor dem Start einer neuen Version).
          dotnet run --project src/Grundschutz.Web -- backup <datei> [--force]
              Sichert die SQLite-Datenbank (Online-Backup, auch bei laufender Anwendung); --force überschreibt eine vorhandene Datei.
          dotnet run --project src/Grundschutz.Web -- restore <datei>
              Stellt eine Sicherung wieder her (nur bei gestoppter Anwendung); die vorige Datenbank bleibt als .bak erhalten.
          dotnet run --project src/Grundschutz.Web -- evidence verify <nachweispaket.zip>
              Prüft ein Nachweispaket: 0 intakt, 1 verändert (nennt Datei, Signatur, Schlüssel oder Zeile), 2 falscher Aufruf.
          dotnet run --project src/Grundschutz.Web -- evidence keygen <ordner> [<name>]
              Erzeugt ein ECDSA-P-256-Schlüsselpaar zum Signieren von Nachweispaketen (siehe docs/evidence.md).
          dotnet run --project src/Grundschutz.Web -- evidence cleanup [<stunden>] [--dry-run]
              Entfernt gespeicherte Nachweisdateien, auf die keine Antwort und kein Richtliniendokument mehr verweist,
              und abgebrochene Uploads – nur Dateien, die älter als <stunden> sind (Vorgabe 24); --dry-run zeigt nur an.
          dotnet run --project src/Grundschutz.Web -- seed land <Landesschlüssel>... [<GV100AD-datei>] [--kennzahlen-only]
          dotnet run --project src/Grundschutz.Web -- seed all [<GV100AD-datei>] [--kennzahlen-only]
              Erzeugt synthetische Bewertungen (Kompendium, drei Runden) für Demos und Benchmarks; das Kompendium muss importiert sein.
          Konfiguration wie in ASP.NET Core, z. B. --ConnectionStrings:Grundschutz="Data Source=/tmp/x.db"
          Exit-Codes: 0 Erfolg, 1 Fehler (auch falsche Einstellung, Datenbank nicht erreichbar), 2 falscher Aufruf.
        """;

    /// <summary>The verbs (noun, verb) and the options each one takes.</summary>
    private static readonly Dictionary<(string Noun, string Verb), string[]> Verbs = new()
    {
        [("catalog", "import")] = ["json"],
        [("municipalities", "import")] = ["json"],
        [("migrate", "")] = [],
        [("database", "backup")] = ["force"],
        [("database", "restore")] = [],
        [("evidence", "verify")] = [],
        [("evidence", "keygen")] = [],
        [("evidence", "cleanup")] = ["dry-run"],
        [("seed", "land")] = ["kennzahlen-only"],
        [("seed", "all")] = ["kennzahlen-only"],
    };

    public static async Task<int> RunAsync(CliArguments cli, TextWriter? stdout = null, TextWriter? stderr = null, Action<WebApplicationBuilder>? configure = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (cli.Noun == "help" || cli.Flags.Contains("help"))
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        // Checked before the app is built: a mistyped verb or option must neither touch the database (the verbs
        // migrate first) nor be ignored – `evidence cleanup --dryrun` would have deleted files.
        if (!Verbs.TryGetValue((cli.Noun, cli.Verb), out var options))
        {
            return await UsageErrorAsync(stderr, $"Unbekannter Befehl: {cli.Noun} {cli.Verb}".TrimEnd());
        }

        if (cli.Flags.FirstOrDefault(f => !options.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return await UsageErrorAsync(stderr, $"Unbekannte Option für {$"{cli.Noun} {cli.Verb}".TrimEnd()}: --{unknown}");
        }

        WebApplication app;
        try
        {
            app = GrundschutzApp.Build(cli.ConfigArgs, builder =>
            {
                // Logs go to stderr so that stdout carries only the command's output (e.g. JSON).
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
                if (cli.Noun == "migrate")
                {
                    // The verb's whole point: migrate even where the server does not migrate on start.
                    builder.Configuration["Database:MigrateOnStart"] = "true";
                }

                configure?.Invoke(builder);
            }, cli: true);
        }
        catch (StartupException ex)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            return 1;
        }

        await using var owned = app;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (cli.Noun == "database")
        {
            return await DatabaseCli.RunAsync(cli, services, stdout, stderr);
        }

        try
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
        catch (StartupException ex)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await stderr.WriteLineAsync("Fehler: Die Datenbank ist nicht erreichbar: " + ex.Message);
            return 1;
        }

        return (cli.Noun, cli.Verb) switch
        {
            ("migrate", "") => await MigratedAsync(services, stdout),
            ("catalog", "import") => await ImportCatalogsAsync(cli, services, stdout, stderr),
            ("municipalities", "import") => await MunicipalityCli.ImportAsync(cli, services, stdout, stderr),
            ("evidence", "verify") => await EvidenceCli.VerifyAsync(cli, services, stdout, stderr),
            ("evidence", "keygen") => await EvidenceCli.KeygenAsync(cli, services, stdout, stderr),
            ("evidence", "cleanup") => await EvidenceCli.CleanupAsync(cli, services, stdout, stderr),
            ("seed", _) => await SeedCli.RunAsync(cli, services, stdout, stderr),
            _ => await UsageErrorAsync(stderr, $"Unbekannter Befehl: {cli.Noun} {cli.Verb}".TrimEnd()),
        };
    }

    /// <summary>Reports the state the initializer left the database in (it applied what was pending).</summary>
    private static async Task<int> MigratedAsync(IServiceProvider services, TextWriter stdout)
    {
        var db = services.GetRequiredService<GrundschutzDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        await stdout.WriteLineAsync($"Die Datenbank ist auf dem neuesten Stand: {applied.Count} Migrationen, zuletzt {applied.LastOrDefault() ?? "–"}.");
        return 0;
    }

    private static async Task<int> ImportCatalogsAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count == 0)
        {
            return await UsageErrorAsync(stderr, "catalog import braucht mindestens eine Datei.");
        }

        var missing = cli.Positional.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            await stderr.WriteLineAsync($"Fehler: Datei nicht gefunden: {string.Join(", ", missing)}");
            return 1;
        }

        var importer = services.GetRequiredService<CatalogImportService>();
        IReadOnlyList<CatalogImportResult> results;
        try
        {
            results = await importer.ImportAsync(cli.Positional.Select(CatalogImportFile.FromPath).ToList(), Environment.UserName, CancellationToken.None);
        }
        catch (CatalogImportException ex)
        {
            await stderr.WriteLineAsync("Fehler: " + ex.Message);
            await stderr.WriteLineAsync("Es wurde nichts gespeichert.");
            return 1;
        }

        var json = cli.Flags.Contains("json");
        foreach (var r in results)
        {
            if (json)
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    file = r.FileName,
                    title = r.Title,
                    version = r.Version,
                    groups = r.Groups,
                    requirements = r.Requirements,
                    withdrawn = r.Withdrawn,
                    warnings = r.Warnings.Select(w => w.ToString()).ToList(),
                    alreadyImported = r.AlreadyImported,
                    kind = r.Kind,
                }, JsonOut));
            }
            else
            {
                var state = r.AlreadyImported ? "bereits vorhanden" : "importiert";
                if (r.Kind == CatalogImportResult.MappingCollectionKind)
                {
                    await stdout.WriteLineAsync($"{r.FileName}: Mapping „{r.Title}“ ({r.Version}) {state}: {r.Groups} Zuordnungen, {r.Requirements} Einträge.");
                    continue;
                }

                await stdout.WriteLineAsync($"{r.FileName}: {r.Title} ({r.Version}) {state}: {r.Groups} Gruppen, {r.Requirements} Anforderungen, davon {r.Withdrawn} entfallen, {r.Warnings.Count} Warnungen.");
                foreach (var w in r.Warnings)
                {
                    await stdout.WriteLineAsync("  Warnung: " + w.ToString());
                }
            }
        }

        return 0;
    }

    private static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync("Fehler: " + message);
        await stderr.WriteLineAsync(Usage);
        return 2;
    }
}
