using System.Globalization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Markdown;

/// <summary>
/// Reads report templates and help documents from the configured folders (<see cref="ReportsOptions"/>). Files are
/// read on every use, so an operator's edit shows at once; only plain file names are accepted.
/// </summary>
public sealed class ReportTemplates(IOptions<ReportsOptions> options, ReportPaths paths)
{
    /// <summary>The German report template.</summary>
    public const string ReportTemplate = "bericht.de.md";

    /// <summary>The print style sheet embedded into the downloaded report.</summary>
    public const string ReportStyleSheet = "bericht.css";

    /// <summary>The calculation rules, rendered on /Hilfe/Berechnung (German; the English translation is scoring.en.md).</summary>
    public const string ScoringDocument = "scoring.md";

    public ReportsOptions Options => options.Value;

    /// <summary>Reads a template file; throws <see cref="TemplateException"/> with the full path when it is missing.</summary>
    public Task<string> ReadTemplateAsync(string fileName, CancellationToken cancellationToken) =>
        ReadAsync(paths.TemplateDirectory, fileName, cancellationToken);

    /// <summary>Reads a document from the docs folder; throws <see cref="TemplateException"/> when it is missing.</summary>
    public Task<string> ReadDocumentAsync(string fileName, CancellationToken cancellationToken) =>
        ReadAsync(paths.DocsDirectory, fileName, cancellationToken);

    /// <summary>
    /// The file to show for the help document <paramref name="fileName"/> (a German original such as scoring.md) in
    /// <paramref name="culture"/>: in English its translation beside it (scoring.en.md) if that file exists in the
    /// docs folder, otherwise – and in every other language – the German original.
    /// </summary>
    public HelpDocument ChooseDocument(string fileName, CultureInfo culture)
    {
        EnsurePlainFileName(fileName);
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.TwoLetterISOLanguageName == "en")
        {
            var english = EnglishFileName(fileName);
            if (File.Exists(Path.Combine(paths.DocsDirectory, english)))
            {
                return new HelpDocument(english, "en");
            }
        }

        return new HelpDocument(fileName, "de");
    }

    /// <summary>The name of the English translation of a help document: „scoring.md“ → „scoring.en.md“.</summary>
    public static string EnglishFileName(string fileName) =>
        Path.GetFileNameWithoutExtension(fileName) + ".en" + Path.GetExtension(fileName);

    private static void EnsurePlainFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (fileName != Path.GetFileName(fileName) || fileName.StartsWith('.'))
        {
            throw new ArgumentException("Only a plain file name is allowed.", nameof(fileName));
        }
    }

    private static async Task<string> ReadAsync(string directory, string fileName, CancellationToken cancellationToken)
    {
        EnsurePlainFileName(fileName);

        var path = Path.Combine(directory, fileName);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TemplateException($"Vorlage nicht gefunden: {path} (Einstellung Reports:TemplateDirectory bzw. Reports:DocsDirectory).", ex);
        }
    }
}
