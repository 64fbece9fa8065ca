namespace Grundschutz.Infrastructure.Markdown;

/// <summary>The template and docs folders as absolute paths (relative settings are taken from the content root).</summary>
/// <param name="TemplateDirectory">Absolute folder of the report templates.</param>
/// <param name="DocsDirectory">Absolute folder of the help documents.</param>
public sealed record ReportPaths(string TemplateDirectory, string DocsDirectory)
{
    /// <summary>Resolves the configured folders against <paramref name="contentRootPath"/>.</summary>
    public static ReportPaths From(ReportsOptions options, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ReportPaths(
            Path.GetFullPath(Path.Combine(contentRootPath, options.TemplateDirectory)),
            Path.GetFullPath(Path.Combine(contentRootPath, options.DocsDirectory)));
    }
}
