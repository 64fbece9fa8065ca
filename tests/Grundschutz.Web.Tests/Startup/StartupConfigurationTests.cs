using System.Diagnostics;
using Grundschutz.Infrastructure;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grundschutz.Web.Tests.Startup;

/// <summary>
/// An operator's wrong setting stops the start at once with one message per wrong setting, naming it – instead of an
/// unhandled exception with a stack trace (a misspelt provider, a negative request limit Kestrel refuses) or an app that
/// starts and fails later: on the first report (no templates), the first evidence upload (unwritable folder), the first
/// login (a login limit of 0). An unreachable database is named without its password.
/// </summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grundschutz-startup-tests", Guid.NewGuid().ToString("N"));

    public StartupConfigurationTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Build_ValuesThatAreNoValues_NamesEach()
    {
        var ex = Assert.Throws<StartupException>(() => Build(
            "--Database:Provider=Postgress", "--Evidence:MaxFileBytes=20MB", "--Database:MigrateOnStart=ja", "--Server:MaxConcurrentRequests=",
            "--Database:SqliteSynchronous=2"));

        Assert.Equal(
            [
                "Database:Provider: „Postgress“ ist ungültig (erwartet: Sqlite oder Postgres).",
                "Database:MigrateOnStart: „ja“ ist ungültig (erwartet: true oder false).",
                "Database:SqliteSynchronous: „2“ ist ungültig (erwartet: Normal oder Full).",
                "Evidence:MaxFileBytes: „20MB“ ist ungültig (erwartet: eine ganze Zahl).",
            ],
            ex.Problems);
    }

    [Fact]
    public void Build_LimitsFoldersAndTypesTheAppCannotUse_NamesEach()
    {
        var templates = Directory.CreateDirectory(Path.Combine(_folder, "templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "bericht.de.md"), "# Bericht");
        var notAFolder = Path.Combine(_folder, "evidence-is-a-file");
        File.WriteAllText(notAFolder, "");

        var ex = Assert.Throws<StartupException>(() => Build(
            "--Uploads:MaxRequestBytes=-5", "--Reports:MaxListedItems=0", "--Security:LoginAttemptsPerMinute=0",
            $"--Reports:TemplateDirectory={templates}", $"--Evidence:Directory={Path.Combine(notAFolder, "sub")}",
            "--Evidence:AllowedExtensions:0=pdf", "--Evidence:AllowedExtensions:1=.doc"));

        Assert.Equal(6, ex.Problems.Count);
        Assert.Equal(
            [
                "Reports:MaxListedItems: 0 ist ungültig (eine positive Zahl).",
                "Uploads:MaxRequestBytes: -5 ist ungültig (eine positive Zahl).",
                "Security:LoginAttemptsPerMinute: 0 ist ungültig (eine positive Zahl).",
                "Evidence:AllowedExtensions: „.doc“ kann nicht geprüft werden (möglich: .pdf, .png, .jpg, .jpeg, .txt, .csv, .docx, .xlsx, .odt, .ods).",
                $"Reports:TemplateDirectory: {templates} enthält keine bericht.css (die Vorlagen aus templates/; README, „Report templates“).",
            ],
            ex.Problems.Take(5));
        Assert.StartsWith($"Evidence:Directory: In {Path.Combine(notAFolder, "sub")} kann die Anwendung nicht schreiben (", ex.Problems.Last(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4", "Security:SessionMinutes: 4 ist ungültig (Minuten ohne Aktivität bis zur Abmeldung, 5 bis 1440).")]
    [InlineData("1441", "Security:SessionMinutes: 1441 ist ungültig (Minuten ohne Aktivität bis zur Abmeldung, 5 bis 1440).")]
    [InlineData("8h", "Security:SessionMinutes: „8h“ ist ungültig (erwartet: eine ganze Zahl).")]
    public void Build_SessionLengthOutsideItsRange_IsNamed(string value, string problem)
    {
        var ex = Assert.Throws<StartupException>(() => Build($"--Security:SessionMinutes={value}"));

        Assert.Equal([problem], ex.Problems);
    }

    [Fact]
    public void Build_CatalogueDefaultLanguageNotATag_IsNamed()
    {
        var ex = Assert.Throws<StartupException>(() => Build("--CatalogImport:DefaultLanguage=Deutsch"));

        Assert.Equal(["CatalogImport:DefaultLanguage: „Deutsch“ ist ungültig (ein Sprachkennzeichen nach BCP 47, z. B. de oder en)."], ex.Problems);
    }

    [Fact]
    public void Build_SigningKeysThatCannotBeRead_AndAnAdminNameIdentityRefuses_NamesEach()
    {
        var missing = Path.Combine(_folder, "fehlt.pem");
        var notAKey = Path.Combine(_folder, "kein-schluessel.pub.pem");
        File.WriteAllText(notAKey, "kein Schlüssel");

        var ex = Assert.Throws<StartupException>(() => Build(
            $"--Evidence:SigningKeyPath={missing}", "--Evidence:TrustedPublicKeys:0:KeyId=alt", $"--Evidence:TrustedPublicKeys:0:PublicKeyPath={notAKey}",
            "--Startup:AdminUserName=Max Mustermann"));

        Assert.Equal(3, ex.Problems.Count);
        Assert.StartsWith($"Evidence:SigningKeyPath: {missing} kann nicht gelesen werden (", ex.Problems.ElementAt(0), StringComparison.Ordinal);
        Assert.Equal(
            [
                $"Evidence:TrustedPublicKeys (alt) ({notAKey}) enthält keinen lesbaren ECDSA-Schlüssel im PEM-Format.",
                "Startup:AdminUserName: „Max Mustermann“ ist kein gültiger Benutzername (Buchstaben a–z, A–Z, Ziffern und - . _ @ +).",
            ],
            ex.Problems.Skip(1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Start_OscalSchemaFolderWithoutTheSchema_Warns(bool schemaPresent)
    {
        var schemas = Directory.CreateDirectory(Path.Combine(_folder, "oscal")).FullName;
        if (schemaPresent)
        {
            File.WriteAllText(Path.Combine(schemas, "oscal_assessment-results_schema.json"), "{}");
        }

        using var factory = new LoggingWebFactory();
        factory.Settings["Oscal:SchemaDirectory"] = schemas;
        _ = factory.Services;

        var warnings = factory.Log.Entries.Where(e => e.Category == typeof(Grundschutz.Web.Infrastructure.StartupSeeder).FullName && e.Message.StartsWith("Oscal:", StringComparison.Ordinal)).ToList();
        if (schemaPresent)
        {
            Assert.Empty(warnings);
            return;
        }

        // One warning per seeding run (the test host initializes twice: the factory and the entry point).
        Assert.NotEmpty(warnings);
        Assert.All(warnings, warning =>
        {
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
            Assert.Equal($"Oscal:SchemaDirectory: {schemas} has no oscal_assessment-results_schema.json; uploads of OSCAL assessment results are refused until it has.", warning.Message);
        });
    }

    [Fact]
    public void Build_MalformedSqliteConnectionString_NamesTheSetting()
    {
        var ex = Assert.Throws<StartupException>(() => Build("--ConnectionStrings:Grundschutz=Data Sourc=/tmp/x.db"));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith("ConnectionStrings:Grundschutz: keine gültige SQLite-Verbindungszeichenfolge (", problem, StringComparison.Ordinal);
        Assert.Contains("data sourc", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_DefaultSettings_FindsNothing()
    {
        using var app = Build();

        Assert.NotNull(app.Services);
    }

    [Fact]
    public async Task Initialize_PostgresNotReachable_NamesServerAndDatabase_NotThePassword()
    {
        // Port 1 on the loopback: nothing listens there, the connection is refused at once.
        await using var app = Build(
            "--Database:Provider=Postgres", "--ConnectionStrings:Grundschutz=Host=127.0.0.1;Port=1;Database=gs_unreachable;Username=gs_user;Password=Geheim-Passwort-42");

        var ex = await Assert.ThrowsAsync<StartupException>(() => GrundschutzApp.InitializeAsync(app));

        Assert.StartsWith(
            "Die Datenbank (PostgreSQL, Host 127.0.0.1:1, Datenbank gs_unreachable, Benutzer gs_user) ist beim Start nicht erreichbar oder lässt sich nicht einrichten: Failed to connect to 127.0.0.1:1",
            ex.Message,
            StringComparison.Ordinal);
        Assert.EndsWith("(Connection refused). Bitte ConnectionStrings:Grundschutz und Database:Provider prüfen.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim-Passwort-42", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// With Database:MigrateOnStart=false PostgreSQL refuses to start on a database with pending migrations; SQLite
    /// (one process, its own file) always migrates itself. Runs on the provider of the test run, like the web tests.
    /// </summary>
    [Fact]
    public async Task Initialize_MigrateOnStartOff_PostgresWithPendingMigrationsRefuses_SqliteMigratesAnyway()
    {
        if (GrundschutzWebFactory.PostgresBase is { } postgres)
        {
            // A database without the app's tables – what an operator has before running `migrate` (only read here).
            await using var app = Build("--Database:Provider=Postgres", $"--ConnectionStrings:Grundschutz={postgres};Database=postgres", "--Database:MigrateOnStart=false");

            var ex = await Assert.ThrowsAsync<StartupException>(() => GrundschutzApp.InitializeAsync(app));

            Assert.Contains("Migration(en) ausstehend", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Database:MigrateOnStart ist false. Zuerst den Befehl „migrate“ ausführen", ex.Message, StringComparison.Ordinal);
        }
        else
        {
            await using var app = Build("--Database:MigrateOnStart=false");

            await GrundschutzApp.InitializeAsync(app);

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        }
    }

    /// <summary>After a rollback the older version starts, and the log says why saving may fail and what to do.</summary>
    [Fact]
    public async Task Initialize_DatabaseMigratedByANewerVersion_WarnsNamingTheUnknownMigration()
    {
        const string Warning = "neueren Version eingerichtet";
        await using (var first = Build())
        {
            var firstLog = new CapturingLoggerProvider();
            first.Services.GetRequiredService<ILoggerFactory>().AddProvider(firstLog);
            await GrundschutzApp.InitializeAsync(first);
            Assert.DoesNotContain(firstLog.Entries, e => e.Message.Contains(Warning, StringComparison.Ordinal));

            // What a newer version's migration leaves behind.
            await using var scope = first.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_AusDerZukunft', '10.0.5')");
        }

        await using var app = Build();
        var log = new CapturingLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await GrundschutzApp.InitializeAsync(app);

        var warning = Assert.Single(log.Entries, e => e.Message.Contains(Warning, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("1 Migration(en) kennt diese Version nicht (29991231000000_AusDerZukunft)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Sicherung von vor dem Update", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_WrongSetting_ExitsWith1_AndPrintsTheMessage_WithoutStackTrace()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, $"--contentRoot={SharedFiles.InRepository("src/Grundschutz.Web")}", "--urls=http://127.0.0.1:0", "--Database:Provider=Postgress" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("Fehler beim Start: Database:Provider: „Postgress“ ist ungültig (erwartet: Sqlite oder Postgres).", (await error).Trim());
        Assert.Equal("", (await output).Trim());
    }

    /// <summary>The app as the server builds it, on a SQLite file and key and evidence folders of this test, plus <paramref name="args"/>.</summary>
    private WebApplication Build(params string[] args) => GrundschutzApp.Build(
    [
        $"--contentRoot={SharedFiles.InRepository("src/Grundschutz.Web")}",
        $"--ConnectionStrings:Grundschutz=Data Source={Path.Combine(_folder, "app.db")}",
        $"--DataProtection:KeysDirectory={Path.Combine(_folder, "keys")}",
        $"--Evidence:Directory={Path.Combine(_folder, "evidence")}",
        .. args,
    ]);

    public void Dispose()
    {
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
