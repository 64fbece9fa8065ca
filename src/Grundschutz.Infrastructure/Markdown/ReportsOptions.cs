namespace Grundschutz.Infrastructure.Markdown;

/// <summary>Where report templates and help documents come from, and how long the listed parts of a report get.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>Folder of the Markdown report templates (bericht.de.md, bericht.css); relative to the content root or absolute.</summary>
    public string TemplateDirectory { get; set; } = "../../templates";

    /// <summary>Folder of the help documents (scoring.md); relative to the content root or absolute.</summary>
    public string DocsDirectory { get; set; } = "../../docs";

    /// <summary>
    /// How many entries a report lists at most per list (gate blockers, action plan, unanswered, changes); the
    /// counts always cover everything and the rest is named. The full lists are in the A.4/A.6 exports.
    /// </summary>
    public int MaxListedItems { get; set; } = 100;

    /// <summary>How many modules the module chart shows (those with the lowest Umsetzungsgrad); the table lists all.</summary>
    public int ChartModules { get; set; } = 15;
}
