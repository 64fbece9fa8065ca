using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Grundschutz.TestSupport;

namespace Grundschutz.Web.Tests.Localization;

/// <summary>
/// English second: every German text the pages look up by a literal key (<c>T["…"]</c> in views, <c>t["…"]</c> in page
/// models) and every chart text of the dashboard (<c>t("…")</c> in BenchmarkCharts) has an English entry.
/// Keys computed at run time (state names, metric titles) are checked where they are defined.
/// </summary>
public sealed partial class EnglishResourceTests
{
    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex IndexerKey();

    [GeneratedRegex("""\bt\(\s*(?:gspp \? )?"((?:[^"\\]|\\.)*)"(?: : "((?:[^"\\]|\\.)*)")?""")]
    private static partial Regex ChartKey();

    [GeneratedRegex("""(?:Invalid|Incomplete|CheckLength)\([^"]*"((?:[^"\\]|\\.)*)""")]
    private static partial Regex ValidatorFormat();

    [GeneratedRegex("""(?:AssessmentRuleException\.Of\(|new AssessmentRuleException\()\s*"((?:[^"\\]|\\.)*)""")]
    private static partial Regex RuleFormat();

    [GeneratedRegex("""MessageText\.Of\(\s*"((?:[^"\\]|\\.)*)""")]
    private static partial Regex MessageFormat();

    [GeneratedRegex("""new (?:CatalogFormatException|CatalogImportException|AssessmentResultsImportException|WorkbookRejectedException)\(\s*\$?@?\u0022""")]
    private static partial Regex UntranslatableRefusal();

    [GeneratedRegex(@"\{[0-9]+(?:,[^}]*)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Where imports and uploads build their refusals (catalogue readers, OSCAL assessment results, workbooks).</summary>
    private static readonly string[] ImportSources =
    [
        "src/Grundschutz.Domain/Catalog",
        "src/Grundschutz.Infrastructure/Importing",
        "src/Grundschutz.Infrastructure/Oscal",
        "src/Grundschutz.Infrastructure/Workbooks",
    ];

    private static HashSet<string> EnglishKeys() =>
        XDocument.Load(SharedFiles.InRepository("src/Grundschutz.Web/Resources/SharedResource.en.resx"))
            .Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

    private static string Unescape(string key) => key.Replace("\\\"", "\"", StringComparison.Ordinal);

    [Fact]
    public void EveryLiteralKeyOfThePages_HasAnEnglishEntry()
    {
        var english = EnglishKeys();
        var web = SharedFiles.InRepository("src/Grundschutz.Web");
        var files = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var keys = files
            .SelectMany(f => IndexerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Key: Unescape(m.Groups[1].Value))))
            .ToList();

        Assert.True(keys.Count > 500, $"only {keys.Count} keys found – is the pattern still right?");
        Assert.Equal([], keys.Where(k => !english.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList());
    }

    /// <summary>
    /// Data annotations are translated through the same resources (AddDataAnnotationsLocalization), but their texts are
    /// attribute arguments, not <c>T["…"]</c>: every <c>ErrorMessage</c> of a validation attribute and every display name,
    /// description and prompt on a type, member or handler parameter of the web assembly needs an English entry, or the
    /// English page shows the German text.
    /// </summary>
    [Fact]
    public void EveryDataAnnotationText_HasAnEnglishEntry()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var annotated = typeof(GrundschutzApp).Assembly.GetTypes()
            .SelectMany(type => type.GetMembers(all)
                .Select(member => (Where: $"{type.FullName}.{member.Name}", Attributes: member.GetCustomAttributes(inherit: false)))
                .Concat(type.GetMethods(all).SelectMany(method => method.GetParameters()
                    .Select(parameter => (Where: $"{type.FullName}.{method.Name}({parameter.Name})", Attributes: parameter.GetCustomAttributes(inherit: false)))))
                .Append((Where: type.FullName!, Attributes: type.GetCustomAttributes(inherit: false))));
        var texts = annotated
            .SelectMany(a => a.Attributes.SelectMany(Texts).Select(text => (a.Where, Text: text)))
            .Distinct()
            .ToList();

        Assert.True(texts.Count >= 40, $"only {texts.Count} data annotation texts found – is the reflection still right?");
        Assert.Contains(texts, t => t.Text == "Bitte geben Sie Ihren Benutzernamen ein.");
        Assert.Contains(texts, t => t.Text == "Änderungen gegenüber der vorigen Version");
        var english = EnglishKeys();
        Assert.Equal([], texts.Where(t => !english.Contains(t.Text)).Select(t => $"{t.Where}: {t.Text}").ToList());
    }

    /// <summary>The texts of one attribute that the data annotations localizer looks up.</summary>
    private static IEnumerable<string> Texts(object attribute) => attribute switch
    {
        // A message from a resource type is not looked up in SharedResource.
        ValidationAttribute { ErrorMessage: { Length: > 0 } message, ErrorMessageResourceType: null } => [message],
        DisplayAttribute { ResourceType: null } display => new[] { display.Name, display.Description, display.Prompt }.OfType<string>().Where(s => s.Length > 0),
        DisplayNameAttribute { DisplayName: { Length: > 0 } name } => [name],
        _ => [],
    };

    [GeneratedRegex("""(?:TempData\[[^\]]+\]\s*=|AddModelError\([^;]*?,)\s*(?:\$@?|@\$?)?\u0022""")]
    private static partial Regex LiteralMessage();

    /// <summary>
    /// A status message (<c>TempData[…] = "…"</c>) or a model error (<c>AddModelError(key, "…")</c>) given as a literal
    /// is shown as it is – German in the English UI. They go through the localizer (<c>t["…"]</c>), and the test above
    /// then finds their keys.
    /// </summary>
    [Fact]
    public void StatusMessagesAndModelErrors_AreNotLiterals()
    {
        var raw = SourceTexts(["src/Grundschutz.Web"])
            .SelectMany(s => LiteralMessage().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.Equal([], raw);
    }

    /// <summary>
    /// Resource names are case-insensitive once compiled: of two entries that differ only in case ("gültig" and
    /// "Gültig") one is dropped without a warning, and the page shows the German key.
    /// </summary>
    [Fact]
    public void NoTwoEnglishEntries_DifferOnlyInCase()
    {
        var names = XDocument.Load(SharedFiles.InRepository("src/Grundschutz.Web/Resources/SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        Assert.Equal([], names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList());
    }

    /// <summary>Texts the domain builds from formats that are also their resource keys (the pages translate them).</summary>
    [Fact]
    public void DomainTextFormats_HaveEnglishEntries()
    {
        string[] formats =
        [
            Grundschutz.Domain.Benchmarking.Suppression.OneFormat,
            Grundschutz.Domain.Benchmarking.Suppression.ManyFormat,
            Grundschutz.Domain.Benchmarking.Suppression.NoneFormat,
            Grundschutz.Domain.Evidence.FreshnessWarning.StaleOneFormat,
            Grundschutz.Domain.Evidence.FreshnessWarning.StaleManyFormat,
            Grundschutz.Domain.Evidence.FreshnessWarning.LeitlinieMissingFormat,
            Grundschutz.Domain.Evidence.FreshnessWarning.LeitlinieOldFormat,
            Grundschutz.Domain.Evidence.FreshnessWarning.ReviewOverdueFormat,
            Grundschutz.Domain.Assessments.CompletenessReport.NothingInScopeFormat,
            Grundschutz.Domain.Assessments.CompletenessReport.OneMissingFormat,
            Grundschutz.Domain.Assessments.CompletenessReport.ManyMissingFormat,
            Grundschutz.Domain.Assessments.CompletenessReport.OneInvalidFormat,
            Grundschutz.Domain.Assessments.CompletenessReport.ManyInvalidFormat,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardIsb,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardAuditor,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardIsbOrAdministrator,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardScope,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardComplete,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardFourEyes,
            Grundschutz.Domain.Assessments.AssessmentWorkflow.GuardComment,
            Grundschutz.Domain.Assessments.QuestionnaireWizard.GuardScope,
            Grundschutz.Domain.Dates.PlausibleDates.OutOfRangeFormat,
            Grundschutz.Domain.Dates.PlausibleDates.FieldOutOfRangeFormat,
        ];
        // Every format the answer validator uses (read from its source: the texts are literals there).
        var validator = File.ReadAllText(SharedFiles.InRepository("src/Grundschutz.Domain/Assessments/AnswerValidator.cs"));
        var validation = ValidatorFormat().Matches(validator).Select(m => Unescape(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(validation.Count >= 13, $"only {validation.Count} validation texts found – is the pattern still right?");
        // Every message a domain rule refuses an action with (literals in the domain's sources).
        var domain = SharedFiles.InRepository("src/Grundschutz.Domain");
        var refusals = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RuleFormat().Matches(File.ReadAllText(f)).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();
        Assert.True(refusals.Count >= 35, $"only {refusals.Count} refusal texts found – is the pattern still right?");
        var english = EnglishKeys();
        Assert.Equal([], formats.Concat(validation).Concat(refusals).Where(f => !english.Contains(f)).ToList());
    }

    private static List<(string File, string Text)> ImportSourceTexts() => SourceTexts(ImportSources);

    private static List<(string File, string Text)> SourceTexts(IEnumerable<string> folders) =>
        folders
            .SelectMany(folder => Directory.EnumerateFiles(SharedFiles.InRepository(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(SharedFiles.RepositoryRoot, f), File.ReadAllText(f)))
            .ToList();

    /// <summary>
    /// Every message a rejected import or upload is built from (<c>MessageText.Of("…")</c> in the catalogue readers, the
    /// catalogue import, the OSCAL assessment-results import and the Excel round trip, row errors included) has an English
    /// entry. A format of placeholders and punctuation only (the composition „{0} ({1}): {2}“) needs none.
    /// </summary>
    [Fact]
    public void ImportMessageFormats_HaveEnglishEntries()
    {
        var formats = ImportSourceTexts()
            .SelectMany(s => MessageFormat().Matches(s.Text).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(formats.Count >= 120, $"only {formats.Count} import messages found – is the pattern still right?");
        Assert.Contains("Die Datei ist kein gültiges JSON.", formats);
        Assert.Contains("Zeile {0}, Position {1}", formats);
        var english = EnglishKeys();
        Assert.Equal([], formats.Where(f => Placeholder().Replace(f, "").Any(char.IsLetter) && !english.Contains(f)).ToList());
    }

    /// <summary>
    /// The refusals of imports and uploads are built from formats (<c>MessageText.Of</c>) – a message thrown as a finished
    /// German string could not be translated, and the test above would not see it.
    /// </summary>
    [Fact]
    public void ImportRefusals_AreNotThrownAsFinishedStrings()
    {
        var raw = ImportSourceTexts()
            .SelectMany(s => UntranslatableRefusal().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.Equal([], raw);
    }

    [GeneratedRegex("""MessageText\.(?:Of|Verbatim)\(\s*(?:\$@?|@\$)\u0022""")]
    private static partial Regex InterpolatedMessage();

    /// <summary>
    /// The warnings of a catalogue import (OSCAL and Kompendium readers, profile resolution, validation, the OSCAL
    /// version check) are messages built from formats in the catalogue sources, so the test above checks them too; these
    /// are some of them, one of each source, to be sure they are still found there.
    /// </summary>
    [Fact]
    public void CatalogWarningFormats_HaveEnglishEntries()
    {
        string[] warnings =
        [
            "Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.",
            "Die OSCAL-Version „{0}“ wird nicht unterstützt (erwartet 1.x); die Datei wurde wie OSCAL 1.1 gelesen.",
            "1 Verweis zeigt auf Anforderungen, die nicht im Katalog stehen, z. B. {0}.",
            "{0} Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. {1}.",
            "{0} IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. {1}",
            "{0} Controls stehen ohne Gruppe im Katalog; sie wurden der Gruppe „Ohne Gruppe“ zugeordnet.",
            "Control {0}: Der Parameter „{1}“ ist nicht definiert; im Text steht seine ID.",
            "{0}: Eine Eigenschaft ohne Namen wurde übersprungen.",
            "Das Profil setzt den Parameter „{0}“, der in keiner übernommenen Anforderung vorkommt.",
            "Anforderungs-ID „{0}“ wurde zu „{1}“ korrigiert ({2}).",
            "der Punkt vor „A“ fehlt",
            "Die Modellierungstabelle nennt den Baustein {0}, den die Datei nicht enthält.",
        ];
        var formats = SourceTexts(["src/Grundschutz.Domain/Catalog"])
            .SelectMany(s => MessageFormat().Matches(s.Text).Select(m => Unescape(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], warnings.Where(w => !formats.Contains(w)).ToList());
        var english = EnglishKeys();
        Assert.Equal([], warnings.Where(w => !english.Contains(w)).ToList());
    }

    /// <summary>
    /// Import messages (warnings of a catalogue import included: their type is <c>MessageText</c>, so a plain string no
    /// longer compiles) are not built from interpolated strings – <c>MessageText.Of($"…")</c> would be a finished German
    /// text that has no resource key, and the tests above would not see it.
    /// </summary>
    [Fact]
    public void ImportMessages_AreNotBuiltFromInterpolatedStrings()
    {
        var raw = ImportSourceTexts()
            .SelectMany(s => InterpolatedMessage().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.Equal([], raw);
    }

    [GeneratedRegex("""new Term\(\s*"((?:[^"\\]|\\.)*)""")]
    private static partial Regex TermArgument();

    [GeneratedRegex("""(?:MessageText|EvidencePackageException)\.Of\(\s*"((?:[^"\\]|\\.)*)""")]
    private static partial Regex EvidenceFormat();

    [GeneratedRegex("""(?:new (?:EvidenceRejectedException|EvidencePackageException|PolicyRuleException)\(|problems\.Add\(|PackageVerification\.Failed\()\s*\$?@?\u0022""")]
    private static partial Regex UntranslatableEvidenceRefusal();

    /// <summary>Where evidence and policy uploads, the policy rules and the evidence package build their refusals, and the package check its problems.</summary>
    private static readonly string[] EvidenceSources =
    [
        "src/Grundschutz.Domain/Evidence",
        "src/Grundschutz.Infrastructure/Files",
        "src/Grundschutz.Infrastructure/Evidence",
    ];

    /// <summary>
    /// Every message a refused evidence or policy upload, a policy rule, a refused evidence package or a problem the
    /// package check finds is built from (<c>MessageText.Of("…")</c> and <c>EvidencePackageException.Of("…")</c>: sizes,
    /// file types, answer-chain breaks and trail lines included) and every field name such a message names
    /// (<c>new Term("…")</c>) has an English entry.
    /// </summary>
    [Fact]
    public void EvidenceMessageFormats_HaveEnglishEntries()
    {
        var sources = SourceTexts(EvidenceSources);
        var formats = sources
            .SelectMany(s => EvidenceFormat().Matches(s.Text).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();
        var terms = sources
            .SelectMany(s => TermArgument().Matches(s.Text).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(formats.Count >= 35, $"only {formats.Count} evidence messages found – is the pattern still right?");
        Assert.Contains("Der Inhalt passt nicht zur Endung „{0}“: Die Datei ist {1}. Bitte die Originaldatei hochladen.", formats);
        Assert.Contains("kein PDF-Dokument", formats);
        Assert.Contains("{0:N0} Bytes", formats);
        Assert.Contains("Die gespeicherte Datei {0} fehlt im Ablageordner; das Paket wäre unvollständig.", formats);
        Assert.Contains("Der Inhalt des Eintrags passt nicht zu seinem Hash: Er wurde nachträglich verändert.", formats);
        Assert.Contains("„{0}“ ist keine Nummer eines A.0-Dokuments (erwartet z. B. A.0.1).", formats);
        Assert.Contains("Die Datei {0} wurde verändert (SHA-256 oder Größe stimmt nicht mit manifest.json überein).", formats);
        Assert.Contains("Laufende Nummer {0} statt {1} – ein Eintrag fehlt oder wurde eingefügt.", formats);
        Assert.Contains("{0} Zeile {1}", formats);
        Assert.Contains("Dateiname", terms);
        var english = EnglishKeys();
        Assert.Equal([], formats.Concat(terms).Where(f => Placeholder().Replace(f, "").Any(char.IsLetter) && !english.Contains(f)).ToList());
    }

    /// <summary>
    /// Evidence, policy and package refusals and the problems of the package check are built from formats – a message
    /// thrown or listed as a finished German string could not be translated, and the test above would not see it.
    /// </summary>
    [Fact]
    public void EvidenceRefusals_AreNotThrownAsFinishedStrings()
    {
        var raw = SourceTexts(EvidenceSources)
            .SelectMany(s => UntranslatableEvidenceRefusal().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.Equal([], raw);
    }

    [GeneratedRegex("""(?:new (?:Gv100AdFormatException|MunicipalityImportException)\(|\bError\(\s*lineNumber,)\s*\$?@?\u0022""")]
    private static partial Regex UntranslatableMunicipalityRefusal();

    /// <summary>Where the municipality directory (GV100AD) is read and imported.</summary>
    private static readonly string[] MunicipalitySources =
    [
        "src/Grundschutz.Domain/Municipalities",
        "src/Grundschutz.Infrastructure/Municipalities",
    ];

    /// <summary>
    /// Every message a refused municipality directory import is built from (<c>MessageText.Of("…")</c> in the GV100AD
    /// reader and the import: the reasons, „Zeile {0}: {1}“, „{0} (Zeile {1}): {2}“) has an English entry, and so have the
    /// AGS messages the reader nests in its own.
    /// </summary>
    [Fact]
    public void MunicipalityImportMessageFormats_HaveEnglishEntries()
    {
        var formats = SourceTexts(MunicipalitySources)
            .SelectMany(s => MessageFormat().Matches(s.Text).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(formats.Count >= 18, $"only {formats.Count} municipality import messages found – is the pattern still right?");
        Assert.Contains("Die Bevölkerungszahl „{0}“ in Spalten 140–150 ist keine ganze Zahl.", formats);
        Assert.Contains("{0} (Zeile {1}): {2}", formats);
        Assert.Contains("Die Datei enthält nur gemeindefreie Gebiete, keine Gemeinden.", formats);
        var english = EnglishKeys();
        Assert.Equal(
            [],
            formats.Append(Grundschutz.Domain.Municipalities.Ags.NotEightDigitsMessage).Append(Grundschutz.Domain.Municipalities.Ags.UnknownLandMessage)
                .Where(f => Placeholder().Replace(f, "").Any(char.IsLetter) && !english.Contains(f)).ToList());
    }

    /// <summary>
    /// The GV100AD reader and the municipality import build their refusals from formats – a reason thrown as a finished
    /// German string could not be translated, and the test above would not see it.
    /// </summary>
    [Fact]
    public void MunicipalityImportRefusals_AreNotThrownAsFinishedStrings()
    {
        var raw = SourceTexts(MunicipalitySources)
            .SelectMany(s => UntranslatableMunicipalityRefusal().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

        Assert.Equal([], raw);
    }

    /// <summary>Where the texts of the report page's scoring results are built (gates, block reasons, Reifegrad, „3 von 4“).</summary>
    private static readonly string[] ScoringSources =
    [
        "src/Grundschutz.Domain/Scoring",
        "src/Grundschutz.Infrastructure/Scoring/ReportFormat.cs",
        "src/Grundschutz.Infrastructure/Charts/ReportCharts.cs",
        "src/Grundschutz.Web/Pages/Assessments/Report",
    ];

    private static List<string> ScoringSourceTexts() =>
        ScoringSources
            .SelectMany(source => File.Exists(SharedFiles.InRepository(source))
                ? [SharedFiles.InRepository(source)]
                : Directory.EnumerateFiles(SharedFiles.InRepository(source), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

    /// <summary>
    /// Every text of the report page's scoring results (<c>MessageText.Of("…")</c> in the scoring domain, ReportFormat
    /// and ReportView: gate summaries, block reasons, Reifegrad levels and criteria, „{0} von {1}“, „nicht anwendbar“)
    /// and every fixed term they pass as an argument (level names, „MUSS-Anteil“) has an English entry. Formats of
    /// placeholders and punctuation only („{0} – {1}“) need none; nor do terms without letters of a language (E_B).
    /// </summary>
    [Fact]
    public void ScoringMessageFormatsAndTerms_HaveEnglishEntries()
    {
        var sources = ScoringSourceTexts();
        var formats = sources
            .SelectMany(s => MessageFormat().Matches(s).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();
        var terms = sources
            .SelectMany(s => TermArgument().Matches(s).Select(m => Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(formats.Count >= 30, $"only {formats.Count} scoring messages found – is the pattern still right?");
        Assert.Contains("älter als {0} Monate", formats);
        Assert.Contains("{0} von {1}", formats);
        Assert.Contains("nicht bewertet", formats);
        Assert.Contains("zum Teil etabliert", terms);
        Assert.Contains("MUSS-Anteil", terms);
        var english = EnglishKeys();
        Assert.Equal([], formats.Concat(terms)
            .Where(f => Placeholder().Replace(f, "").Any(char.IsLetter) && !english.Contains(f) && f is not ("E_B" or "E_BS"))
            .ToList());
    }

    [Fact]
    public void EveryDashboardChartText_HasAnEnglishEntry()
    {
        var english = EnglishKeys();
        var source = File.ReadAllText(SharedFiles.InRepository("src/Grundschutz.Infrastructure/Benchmarking/BenchmarkCharts.cs"));
        var keys = ChartKey().Matches(source)
            .SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value })
            .Where(k => k.Length > 0)
            .Select(Unescape)
            .Distinct()
            .ToList();

        Assert.True(keys.Count >= 20, $"only {keys.Count} chart texts found – is the pattern still right?");
        Assert.Contains("Umsetzungsgrad in %", keys);
        Assert.Equal([], keys.Where(k => !english.Contains(k)).ToList());
    }
}
