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

    /// <summary>The calculation rules, rendered on /Hilfe/Berechnung.</summary>
    public const string ScoringDocument = "scoring.md";

    public ReportsOptions Options => options.Value;

    /// <summary>Reads a template file; throws <see cref="TemplateException"/> with the full path when it is missing.</summary>
    public Task<string> ReadTemplateAsync(string fileName, CancellationToken cancellationToken) =>
        ReadAsync(paths.TemplateDirectory, fileName, cancellationToken);

    /// <summary>Reads a document from the docs folder; throws <see cref="TemplateException"/> when it is missing.</summary>
    public Task<string> ReadDocumentAsync(string fileName, CancellationToken cancellationToken) =>
        ReadAsync(paths.DocsDirectory, fileName, cancellationToken);

    private static async Task<string> ReadAsync(string directory, string fileName, CancellationToken cancellationToken)
    {
        if (fileName != Path.GetFileName(fileName) || fileName.StartsWith('.'))
        {
            throw new ArgumentException("Only a plain file name is allowed.", nameof(fileName));
        }

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
