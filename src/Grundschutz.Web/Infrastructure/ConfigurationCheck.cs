using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Grundschutz.Infrastructure;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Markdown;
using Grundschutz.Infrastructure.Municipalities;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Workbooks;
using Microsoft.Data.Sqlite;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Checks the configuration before anything is registered, so that a wrong setting stops the start with one message
/// naming every wrong setting – instead of an unhandled exception with a stack trace (a misspelt provider, a limit
/// Kestrel refuses) or an app that starts and fails later, on the first report (missing template folder), the first
/// evidence upload (unwritable folder) or the first login (a login limit of 0).
/// </summary>
public static class ConfigurationCheck
{
    /// <summary>The options classes bound from configuration, with their sections.</summary>
    private static readonly Type[] OptionsTypes =
    [
        typeof(DatabaseOptions), typeof(CatalogImportOptions), typeof(MunicipalityImportOptions), typeof(EvidenceOptions),
        typeof(EvidenceSigningOptions), typeof(ReportsOptions), typeof(OscalOptions), typeof(AnswerWorkbookOptions),
        typeof(BenchmarkingOptions), typeof(StartupOptions), typeof(UploadOptions), typeof(RequestConcurrencyOptions),
        typeof(ReverseProxyOptions),
    ];

    /// <param name="configuration">The app's configuration.</param>
    /// <param name="contentRootPath">The content root (relative folders are resolved against it).</param>
    /// <param name="serverFolders">Also check the folders only the server uses: report templates, help documents, evidence and keys.</param>
    /// <exception cref="StartupException">At least one setting is wrong; one line per problem, each naming its setting.</exception>
    public static void ThrowIfInvalid(IConfiguration configuration, string contentRootPath, bool serverFolders = true)
    {
        var problems = Problems(configuration, contentRootPath, serverFolders);
        if (problems.Count > 0)
        {
            throw new StartupException(problems);
        }
    }

    /// <summary>Every problem found, one line each: „Setting: what is wrong (what is expected).“</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, string contentRootPath, bool serverFolders = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var type in OptionsTypes)
        {
            var section = (string)type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
            {
                CheckValue(configuration, $"{section}:{property.Name}", property.PropertyType, problems);
            }
        }

        CheckValue(configuration, "Security:LoginAttemptsPerMinute", typeof(int), problems);
        CheckValue(configuration, SessionTimeout.MinutesKey, typeof(int), problems);
        if (problems.Count > 0)
        {
            // The checks below bind the sections, which would fail on the same values.
            return problems;
        }

        CheckLimits(configuration, problems);
        CheckDatabase(configuration, contentRootPath, problems);
        if (serverFolders)
        {
            CheckFolders(configuration, contentRootPath, problems);
            CheckEvidenceKeys(configuration, contentRootPath, problems);
        }

        var admin = Bind<StartupOptions>(configuration, StartupOptions.SectionName).AdminUserName;
        if (string.IsNullOrWhiteSpace(admin) || !admin.All(c => char.IsAsciiLetterOrDigit(c) || "-._@+".Contains(c, StringComparison.Ordinal)))
        {
            // Identity's default user name characters: the first administrator could not be created.
            problems.Add($"Startup:AdminUserName: „{admin}“ ist kein gültiger Benutzername (Buchstaben a–z, A–Z, Ziffern und - . _ @ +).");
        }

        Collect(problems, () => (configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions()).Parse());
        Collect(problems, () => (configuration.GetSection(RequestConcurrencyOptions.SectionName).Get<RequestConcurrencyOptions>() ?? new RequestConcurrencyOptions()).Validate());
        return problems;
    }

    /// <summary>A value the configuration binder could not convert (it would throw with a stack trace), or an undefined enum value.</summary>
    private static void CheckValue(IConfiguration configuration, string key, Type type, List<string> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (!(target.IsPrimitive || target.IsEnum || target == typeof(decimal)) || configuration[key] is not { } raw)
        {
            return;
        }

        if (raw.Length == 0 && target != type)
        {
            return; // an empty nullable setting means „not set“
        }

        var expected = target.IsEnum ? string.Join(" oder ", Enum.GetNames(target))
            : target == typeof(bool) ? "true oder false"
            : "eine ganze Zahl";
        try
        {
            var value = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(raw);
            // The enum converter also takes numbers („5“), which would silently mean the default.
            if (target.IsEnum && (value is null || !Enum.IsDefined(target, value) || int.TryParse(raw, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException();
            }
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            problems.Add($"{key}: „{raw}“ ist ungültig (erwartet: {expected}).");
        }
    }

    private static void CheckLimits(IConfiguration configuration, List<string> problems)
    {
        var catalog = Bind<CatalogImportOptions>(configuration, CatalogImportOptions.SectionName);
        var municipalities = Bind<MunicipalityImportOptions>(configuration, MunicipalityImportOptions.SectionName);
        var evidence = Bind<EvidenceOptions>(configuration, EvidenceOptions.SectionName);
        var signing = Bind<EvidenceSigningOptions>(configuration, EvidenceSigningOptions.SectionName);
        var oscal = Bind<OscalOptions>(configuration, OscalOptions.SectionName);
        var workbook = Bind<AnswerWorkbookOptions>(configuration, AnswerWorkbookOptions.SectionName);
        var reports = Bind<ReportsOptions>(configuration, ReportsOptions.SectionName);
        var uploads = Bind<UploadOptions>(configuration, UploadOptions.SectionName);
        (string Key, long Value)[] positive =
        [
            ("CatalogImport:MaxFileBytes", catalog.MaxFileBytes),
            ("MunicipalityImport:MaxFileBytes", municipalities.MaxFileBytes),
            ("Evidence:MaxFileBytes", evidence.MaxFileBytes),
            ("Evidence:MaxVerifyBytes", signing.MaxVerifyBytes),
            ("Evidence:MaxVerifyUncompressedBytes", signing.MaxVerifyUncompressedBytes),
            ("Evidence:MaxVerifyEntries", signing.MaxVerifyEntries),
            ("Oscal:MaxImportBytes", oscal.MaxImportBytes),
            ("AnswerWorkbook:MaxFileBytes", workbook.MaxFileBytes),
            ("AnswerWorkbook:MaxEntries", workbook.MaxEntries),
            ("AnswerWorkbook:MaxUncompressedBytes", workbook.MaxUncompressedBytes),
            ("AnswerWorkbook:MaxCompressionRatio", workbook.MaxCompressionRatio),
            ("AnswerWorkbook:MaxRows", workbook.MaxRows),
            ("AnswerWorkbook:PendingMinutes", workbook.PendingMinutes),
            ("Reports:MaxListedItems", reports.MaxListedItems),
            ("Reports:ChartModules", reports.ChartModules),
            ("Uploads:MaxRequestBytes", uploads.MaxRequestBytes),
            ("Security:LoginAttemptsPerMinute", configuration.GetValue("Security:LoginAttemptsPerMinute", 10)),
        ];
        foreach (var (key, value) in positive.Where(p => p.Value <= 0))
        {
            problems.Add($"{key}: {value} ist ungültig (eine positive Zahl).");
        }

        var session = configuration.GetValue(SessionTimeout.MinutesKey, SessionTimeout.DefaultMinutes);
        if (session is < SessionTimeout.MinMinutes or > SessionTimeout.MaxMinutes)
        {
            problems.Add($"{SessionTimeout.MinutesKey}: {session} ist ungültig (Minuten ohne Aktivität bis zur Abmeldung, {SessionTimeout.MinMinutes} bis {SessionTimeout.MaxMinutes}).");
        }

        if (!Grundschutz.Domain.Catalog.CatalogLanguage.TryNormalize(catalog.DefaultLanguage, out _))
        {
            problems.Add($"CatalogImport:DefaultLanguage: „{catalog.DefaultLanguage}“ ist ungültig (ein Sprachkennzeichen nach BCP 47, z. B. de oder en).");
        }

        // Other types are stored but could never be checked against their content, so every upload would be refused.
        foreach (var extension in evidence.EffectiveExtensions.Where(e => !EvidenceOptions.DefaultExtensions.Contains(e, StringComparer.Ordinal)))
        {
            problems.Add($"Evidence:AllowedExtensions: „{extension}“ kann nicht geprüft werden (möglich: {string.Join(", ", EvidenceOptions.DefaultExtensions)}).");
        }
    }

    /// <summary>A connection string the provider cannot read (it would throw with a stack trace while the services are registered).</summary>
    private static void CheckDatabase(IConfiguration configuration, string contentRootPath, List<string> problems)
    {
        var database = Bind<DatabaseOptions>(configuration, DatabaseOptions.SectionName);
        var connectionString = configuration.GetConnectionString(DependencyInjection.ConnectionStringName);
        const string key = "ConnectionStrings:" + DependencyInjection.ConnectionStringName;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                problems.Add($"{key}: leer, Database:Provider=Postgres braucht sie (z. B. \"Host=db.example;Database=grundschutz;Username=grundschutz;Password=…\").");
                return;
            }

            try
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    problems.Add($"{key}: kein Host angegeben (Database:Provider=Postgres, z. B. \"Host=db.example;…\").");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                // The message names the keyword or position, never the value (the password stays out of the log).
                problems.Add($"{key}: keine gültige PostgreSQL-Verbindungszeichenfolge ({ex.Message}).");
            }

            return;
        }

        string dataSource;
        try
        {
            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? null : connectionString);
            if (builder.DataSource == ":memory:" || builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly)
            {
                return;
            }

            dataSource = builder.DataSource;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            problems.Add($"{key}: keine gültige SQLite-Verbindungszeichenfolge ({ex.Message}; z. B. \"Data Source=/var/lib/grundschutz/grundschutz.db\").");
            return;
        }

        if (string.IsNullOrWhiteSpace(dataSource))
        {
            CheckWritable("Database:DataDirectory", Resolve(contentRootPath, database.DataDirectory), problems);
        }
        else
        {
            // Resolved as DependencyInjection.SqliteConnectionString does (a relative file from the working directory).
            CheckWritable(key, Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? contentRootPath, problems);
        }
    }

    private static void CheckFolders(IConfiguration configuration, string contentRootPath, List<string> problems)
    {
        var reports = ReportPaths.From(Bind<ReportsOptions>(configuration, ReportsOptions.SectionName), contentRootPath);
        foreach (var file in new[] { ReportTemplates.ReportTemplate, ReportTemplates.ReportStyleSheet })
        {
            if (!File.Exists(Path.Combine(reports.TemplateDirectory, file)))
            {
                problems.Add($"Reports:TemplateDirectory: {reports.TemplateDirectory} enthält keine {file} (die Vorlagen aus templates/; README, „Report templates“).");
            }
        }

        if (!File.Exists(Path.Combine(reports.DocsDirectory, "scoring.md")))
        {
            problems.Add($"Reports:DocsDirectory: {reports.DocsDirectory} enthält keine scoring.md (die Hilfe aus docs/).");
        }

        var evidence = Bind<EvidenceOptions>(configuration, EvidenceOptions.SectionName).Directory;
        CheckWritable("Evidence:Directory", Resolve(contentRootPath, string.IsNullOrWhiteSpace(evidence) ? Path.Combine("App_Data", "evidence") : evidence), problems);
        var keys = configuration["DataProtection:KeysDirectory"];
        // Resolved as GrundschutzApp does: the default under the content root, a relative setting from the working directory.
        CheckWritable("DataProtection:KeysDirectory", string.IsNullOrWhiteSpace(keys) ? Path.Combine(contentRootPath, "App_Data", "keys") : Path.GetFullPath(keys), problems);
    }

    /// <summary>
    /// A configured signing key or trusted public key that cannot be read: without the check the first evidence package
    /// download found out (an error for the user, unsigned packages meanwhile).
    /// </summary>
    private static void CheckEvidenceKeys(IConfiguration configuration, string contentRootPath, List<string> problems)
    {
        var signing = Bind<EvidenceSigningOptions>(configuration, EvidenceSigningOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(signing.SigningKeyPath))
        {
            CheckKey("Evidence:SigningKeyPath", Resolve(contentRootPath, signing.SigningKeyPath), problems);
        }

        foreach (var trusted in signing.TrustedPublicKeys.Where(k => !string.IsNullOrWhiteSpace(k.KeyId) && string.IsNullOrWhiteSpace(k.PublicKeyPem)))
        {
            CheckKey($"Evidence:TrustedPublicKeys ({trusted.KeyId})", Resolve(contentRootPath, trusted.PublicKeyPath ?? ""), problems);
        }
    }

    private static void CheckKey(string key, string path, List<string> problems)
    {
        try
        {
            using var _ = EvidenceKeys.FromPem(File.ReadAllText(path), $"{key} ({path})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{key}: {path} kann nicht gelesen werden ({ex.Message}).");
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }
    }

    /// <summary>Creates the folder if needed and writes (and deletes) a file in it, as the app will.</summary>
    private static void CheckWritable(string key, string folder, List<string> problems)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(
                Path.Combine(folder, $".write-check-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            probe.WriteByte(0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problems.Add($"{key}: In {folder} kann die Anwendung nicht schreiben ({ex.Message}).");
        }
    }

    private static string Resolve(string contentRootPath, string path) => Path.GetFullPath(path, contentRootPath);

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new() => configuration.GetSection(section).Get<T>() ?? new T();

    private static void Collect(List<string> problems, Action check)
    {
        try
        {
            check();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }
    }
}
